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

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the sample application: a chat call shows up at {@code /actuator/metrics}.
 *
 * @author llm-cost contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.simulator.enabled=true")
class LlmCostSampleApplicationTests {

	@LocalServerPort
	private int port;

	@Test
	@SuppressWarnings("unchecked")
	void chatCallShouldBePricedAtActuatorMetrics() {
		RestClient client = RestClient.create("http://localhost:" + this.port);
		Map<String, Object> reply = client.post()
			.uri("/chat")
			.body(Map.of("message", "What does llm-cost do?"))
			.retrieve()
			.body(Map.class);
		assertThat((String) reply.get("reply")).contains("simulated reply");
		Map<String, Object> cost = client.get().uri("/actuator/metrics/llm.cost").retrieve().body(Map.class);
		assertThat(cost).containsEntry("baseUnit", "USD");
		Map<String, Object> measurement = ((java.util.List<Map<String, Object>>) cost.get("measurements")).get(0);
		assertThat((Double) measurement.get("value")).isPositive();
	}

}
