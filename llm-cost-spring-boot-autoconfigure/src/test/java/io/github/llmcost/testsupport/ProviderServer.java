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

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * One local stand-in for the providers' APIs, started once for all the test classes of a
 * JVM. OpenAI, Anthropic, Gemini and Ollama answer on paths of their own, so their stubs
 * never answer each other's requests.
 *
 * @author llm-cost contributors
 */
public final class ProviderServer {

	private static final WireMockServer server = start();

	private ProviderServer() {
	}

	/**
	 * Return the server, started.
	 * @return the server
	 */
	public static WireMockServer get() {
		return server;
	}

	private static WireMockServer start() {
		WireMockServer server = new WireMockServer(options().dynamicPort());
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		return server;
	}

}
