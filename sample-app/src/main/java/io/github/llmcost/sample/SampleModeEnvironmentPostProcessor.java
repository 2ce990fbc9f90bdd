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

package io.github.llmcost.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the mode of the sample: with an OpenAI API key ({@code OPENAI_API_KEY} or
 * {@code spring.ai.openai.api-key}) Spring AI's OpenAI client calls OpenAI; without one
 * it calls the OpenAI simulator built into this application, over HTTP, and the sample
 * sends demo traffic at start-up. {@value #SIMULATOR_ENABLED} forces either mode.
 * <p>
 * The client's base URL names the port of this application. When the port is random
 * ({@code server.port=0}), it is chosen here, because the client is created before the
 * server starts.
 *
 * @author llm-cost contributors
 */
class SampleModeEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/**
	 * Whether Spring AI's OpenAI client calls the built-in simulator instead of OpenAI.
	 */
	static final String SIMULATOR_ENABLED = "sample.simulator.enabled";

	/**
	 * Whether the sample sends a few dozen chat calls once it has started.
	 */
	static final String DEMO_TRAFFIC_ENABLED = "sample.demo-traffic.enabled";

	private static final String API_KEY = "spring.ai.openai.api-key";

	private static final String OPENAI_API_KEY = "OPENAI_API_KEY";

	private static final String SERVER_PORT = "server.port";

	private static final String SIMULATOR_PATH = "/simulator/v1";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean simulator = environment.getProperty(SIMULATOR_ENABLED, Boolean.class, !hasApiKey(environment));
		Map<String, Object> mode = new LinkedHashMap<>();
		Map<String, Object> defaults = new LinkedHashMap<>();
		mode.put(SIMULATOR_ENABLED, simulator);
		if (simulator) {
			if ("0".equals(environment.getProperty(SERVER_PORT))) {
				mode.put(SERVER_PORT, freePort());
			}
			mode.put("spring.ai.openai.base-url", "http://localhost:${server.port:8080}" + SIMULATOR_PATH);
			// Spring AI's client needs a key; the simulator does not read it
			mode.put(API_KEY, "simulator-key");
			defaults.put(DEMO_TRAFFIC_ENABLED, true);
		}
		else if (!StringUtils.hasText(environment.getProperty(API_KEY))) {
			// Spring AI reads OPENAI_API_KEY from the process environment only
			defaults.put(API_KEY, environment.getProperty(OPENAI_API_KEY, ""));
		}
		environment.getPropertySources().addFirst(new MapPropertySource("llmCostSampleMode", mode));
		environment.getPropertySources().addLast(new MapPropertySource("llmCostSampleDefaults", defaults));
	}

	private static boolean hasApiKey(ConfigurableEnvironment environment) {
		return StringUtils.hasText(environment.getProperty(API_KEY))
				|| StringUtils.hasText(environment.getProperty(OPENAI_API_KEY));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Failed to find a free port for the sample", ex);
		}
	}

}
