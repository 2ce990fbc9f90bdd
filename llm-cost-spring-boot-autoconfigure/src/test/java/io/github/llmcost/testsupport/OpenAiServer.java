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

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A local stand-in for the OpenAI API, shared by every test class that runs against it,
 * and the initializer that points Spring AI's OpenAI client at it. It is the
 * {@link ProviderServer}.
 *
 * @author llm-cost contributors
 */
public final class OpenAiServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final WireMockServer server = ProviderServer.get();

	/**
	 * Return the server, started.
	 * @return the server
	 */
	public static WireMockServer get() {
		return server;
	}

	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		TestPropertyValues.of("spring.ai.openai.base-url=" + server.baseUrl() + "/v1").applyTo(applicationContext);
	}

}
