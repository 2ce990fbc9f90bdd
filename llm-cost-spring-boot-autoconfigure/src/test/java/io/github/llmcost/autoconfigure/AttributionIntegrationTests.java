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

package io.github.llmcost.autoconfigure;

import java.util.List;

import io.github.llmcost.testsupport.ActuatorMetrics;
import io.github.llmcost.testsupport.OpenAiIntegrationTest;
import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.TestFixtures;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End-to-end tests of attribution: real web requests whose headers a
 * {@code LlmCostTagContributor} reads, per-request tags, and meters read from
 * {@code /actuator/metrics} over HTTP.
 *
 * @author llm-cost contributors
 */
@OpenAiIntegrationTest
class AttributionIntegrationTests {

	private static final String RESPONSE_MODEL = "gen_ai.response.model:gpt-4.1-nano-2025-04-14";

	// 1000 input tokens at 0.10 and 200 output tokens at 0.40 per million
	private static final double CALL_COST = 0.00018;

	@Autowired
	private InMemorySpanExporter spanExporter;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@LocalServerPort
	private int port;

	@BeforeEach
	void stubOpenAi() {
		OpenAiServer.get()
			.stubFor(post(urlEqualTo("/v1/chat/completions"))
				.withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4.1-nano")))
				.willReturn(okJson(TestFixtures.body("openai/chat-completion-summary.json"))));
	}

	@Test
	void shouldSplitCostByFeatureAndTeamFromHeadersAndRequestTags() {
		chat("payments", "from-header", "alice", "summarize");
		chat("payments", "from-header", "bob", "summarize");
		chat("payments", "search", "alice", null);
		chat("growth", "search", "carol", null);
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		assertThat(metrics.count("llm.cost", RESPONSE_MODEL, "feature:summarize", "team:payments"))
			.isCloseTo(2 * CALL_COST, within(1e-15));
		assertThat(metrics.count("llm.cost", RESPONSE_MODEL, "feature:search", "team:payments")).isCloseTo(CALL_COST,
				within(1e-15));
		assertThat(metrics.count("llm.cost", RESPONSE_MODEL, "team:growth")).isCloseTo(CALL_COST, within(1e-15));
		assertThat(metrics.count("llm.cost", RESPONSE_MODEL, "feature:search")).isCloseTo(2 * CALL_COST, within(1e-15));
		// the per-request feature beat the contributor's
		assertThat(metrics.tagValues("llm.cost", "feature")).doesNotContain("from-header");
		assertThat(metrics.count("llm.call", RESPONSE_MODEL, "feature:summarize", "team:payments")).isEqualTo(2);
		assertThat(metrics.statistic("llm.call.cost", "COUNT", "feature:search", "team:growth")).isEqualTo(1);
	}

	@Test
	void shouldPutUserOnSpansButNeverOnMeters() {
		chat("support", "triage", "dave-1234", null);
		ActuatorMetrics metrics = new ActuatorMetrics(this.port);
		for (String meter : List.of("llm.cost", "llm.tokens", "llm.call", "llm.call.cost")) {
			assertThat(metrics.tagKeys(meter)).contains("feature", "team").doesNotContain("user");
		}
		List<SpanData> spans = TestFixtures.llmCallSpans(this.tracerProvider, this.spanExporter,
				"gpt-4.1-nano-2025-04-14");
		assertThat(spans)
			.filteredOn((span) -> "dave-1234".equals(span.getAttributes().get(AttributeKey.stringKey("user"))))
			.singleElement()
			.satisfies((span) -> {
				assertThat(span.getAttributes().get(AttributeKey.stringKey("team"))).isEqualTo("support");
				assertThat(span.getAttributes().get(AttributeKey.stringKey("feature"))).isEqualTo("triage");
			});
	}

	private void chat(String team, String featureHeader, String user, String feature) {
		RestClient.create("http://localhost:" + this.port)
			.post()
			.uri((uri) -> uri.path("/chat")
				.queryParam("message", "Summarize the ticket")
				.queryParam("model", "gpt-4.1-nano")
				.queryParamIfPresent("feature", java.util.Optional.ofNullable(feature))
				.build())
			.header("X-Team", team)
			.header("X-Feature", featureHeader)
			.header("X-User", user)
			.retrieve()
			.toBodilessEntity();
	}

}
