/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.llmcost.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * The programs that the export tests run, and loopback ports for them. The programs are
 * fetched by {@code .ci/run}, which sets {@value #TOOLS_ENV} to their directory; without
 * it they are looked for where {@code .ci/run} puts them by default.
 *
 * @author llm-cost contributors
 */
final class ExportTools {

	static final String TOOLS_ENV = "LLM_COST_EXPORT_TOOLS";

	private ExportTools() {
	}

	/**
	 * Return an executable that {@code .ci/run} fetched. When it is missing, fail if
	 * {@value #TOOLS_ENV} or {@code CI} is set (on CI), and skip the test otherwise (a
	 * build without the tools).
	 * @param name the file name, {@code prometheus} or {@code victoria-metrics}
	 * @return the executable
	 */
	static Path binary(String name) {
		String configured = System.getenv(TOOLS_ENV);
		Path directory = (configured != null) ? Path.of(configured) : cache().resolve("llm-cost/export-tools");
		Path binary = directory.resolve(name);
		if (!Files.isExecutable(binary)) {
			String message = "No " + name + " executable at " + binary + ". Fetch it with 'bash .ci/run"
					+ " --export-tools-only' from the project root, or set " + TOOLS_ENV
					+ " to a directory that holds it.";
			if (configured != null || System.getenv("CI") != null) {
				throw new IllegalStateException(message);
			}
			Assumptions.abort(message);
		}
		return binary;
	}

	private static Path cache() {
		String cache = System.getenv("XDG_CACHE_HOME");
		return (cache != null) ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
	}

	/**
	 * Return loopback ports that were free a moment ago, distinct from each other.
	 * @param count how many ports
	 * @return the ports
	 */
	static int[] freePorts(int count) {
		@Nullable ServerSocket[] sockets = new ServerSocket[count];
		try {
			for (int i = 0; i < count; i++) {
				sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
			}
			int[] ports = new int[count];
			for (int i = 0; i < count; i++) {
				ports[i] = sockets[i].getLocalPort();
			}
			return ports;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			for (@Nullable
			ServerSocket socket : sockets) {
				close(socket);
			}
		}
	}

	private static void close(@Nullable ServerSocket socket) {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
