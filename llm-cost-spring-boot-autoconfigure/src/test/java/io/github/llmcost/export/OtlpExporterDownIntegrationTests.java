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
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.llmcost.testsupport.ActuatorMetrics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for LLM calls while the OTLP receivers are down: nothing listens at the endpoints
 * that the metrics and span exporters push to.
 *
 * @author llm-cost contributors
 */
@ExportIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OtlpExporterDownIntegrationTests {

	private static final int CALLS = 1000;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@LocalServerPort
	private int port;

	@Test
	void shouldCompleteAndCountEveryCallWhileTheOtlpEndpointsRefuseConnections(CapturedOutput output) {
		assertRefusesConnections(OtlpEndpoints.metricsPort());
		assertRefusesConnections(OtlpEndpoints.tracesPort());
		ExportCalls.stubModels();
		ChatClient chatClient = this.chatClientBuilder.build();
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < CALLS; i++) {
			answers.add(ExportCalls.call(chatClient, ExportCalls.PRICED_MODEL, "exporter-down", "observability"));
		}
		assertThat(answers).hasSize(CALLS)
			.containsOnly("Spring AI is a framework for building AI applications with Spring.");
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		assertThat(metrics.count("llm.call", "feature:exporter-down", "error:none", "llm.priced:true"))
			.isEqualTo(CALLS);
		assertThat(metrics.count("llm.tokens", "feature:exporter-down", "llm.token.type:input")).isEqualTo(600 * CALLS);
		assertThat(metrics.count("llm.cost", "feature:exporter-down")).isCloseTo(0.00108 * CALLS, within(1e-9));
		// both exporters tried, and failed
		Awaitility.await("export failures logged")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(output).contains("Failed to publish metrics to OTLP receiver",
					"Failed to export spans"));
	}

	private static void assertRefusesConnections(int port) {
		assertThatExceptionOfType(ConnectException.class).as("connection to port %d", port)
			.isThrownBy(() -> connect(port));
	}

	private static void connect(int port) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			assertThat(socket.isConnected()).isTrue();
		}
	}

}
