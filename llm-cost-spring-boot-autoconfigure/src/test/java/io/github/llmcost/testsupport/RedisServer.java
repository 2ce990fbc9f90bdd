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

package io.github.llmcost.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A real Redis server for tests, started on a free loopback port without persistence: the
 * installed {@code redis-server} (Debian's, which {@code .ci/run} installs), else the
 * Redis 6.2 binary for this platform that the {@code embedded-redis} test dependency
 * carries, so that {@code mvn verify} needs nothing but a JDK and Maven. The benchmarks
 * use it too, through this module's test jar.
 *
 * @author llm-cost contributors
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

	private static @Nullable String bundled;

	private final int port;

	private final Process process;

	private RedisServer(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	/**
	 * Start a server.
	 * @return the running server
	 * @throws IOException if the server cannot be started
	 */
	public static RedisServer start() throws IOException {
		String binary = findBinary();
		int port = freePort();
		Path log = Files.createTempFile("redis-server", ".log");
		Process process = new ProcessBuilder(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save",
				"", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		RedisServer server = new RedisServer(port, process);
		server.awaitReady(log);
		return server;
	}

	/**
	 * Return the port the server listens on.
	 * @return the port
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Kill the server at once, as a crash would.
	 */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		kill();
	}

	private void awaitReady(Path log) throws IOException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server exited: " + Files.readString(log));
			}
			if (ping()) {
				return;
			}
			pause();
		}
		kill();
		throw new IllegalStateException(
				"redis-server did not answer PING within " + START_TIMEOUT + ": " + Files.readString(log));
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean ping() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream output = socket.getOutputStream();
			output.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			output.flush();
			InputStream input = socket.getInputStream();
			byte[] reply = new byte[7];
			int read = input.readNBytes(reply, 0, reply.length);
			return new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String findBinary() {
		for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			File candidate = new File(directory, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		File debian = new File("/usr/bin/redis-server");
		if (debian.canExecute()) {
			return debian.getAbsolutePath();
		}
		return bundledBinary();
	}

	private static synchronized String bundledBinary() {
		if (bundled == null) {
			bundled = extractBundledBinary();
		}
		return bundled;
	}

	private static String extractBundledBinary() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		boolean arm = arch.contains("aarch64") || arch.contains("arm64");
		String resource = null;
		if (os.contains("linux")) {
			resource = arm ? "redis-server-6.2.7-linux-arm64" : "redis-server-6.2.6-v5-linux-amd64";
		}
		else if (os.contains("mac")) {
			resource = arm ? "redis-server-6.2.6-v5-darwin-arm64" : "redis-server-6.2.6-v5-darwin-amd64";
		}
		try (InputStream binary = (resource != null) ? RedisServer.class.getResourceAsStream("/" + resource) : null) {
			if (binary == null) {
				throw new IllegalStateException(("redis-server not found on the PATH, and no bundled one for %s %s:"
						+ " install Redis (on Debian: apt-get install -y redis-server)")
					.formatted(os, arch));
			}
			Path file = Files.createTempFile("redis-server", "");
			Files.copy(binary, file, StandardCopyOption.REPLACE_EXISTING);
			file.toFile().deleteOnExit();
			if (!file.toFile().setExecutable(true)) {
				throw new IllegalStateException("cannot make " + file + " executable");
			}
			return file.toString();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot extract the bundled redis-server", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
