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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.sample.ChatController.ChatReply;
import io.github.llmcost.sample.ChatController.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link LlmCostSampleApplication}, in simulator mode, over HTTP.
 *
 * @author llm-cost contributors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.simulator.enabled=true")
class LlmCostSampleApplicationTests {

	private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

	@LocalServerPort
	private int port;

	@Test
	void chatShouldAnswerWithTokensAndCostOfTheCall() {
		ChatReply reply = chat(Map.of("message", "What does llm-cost do?", "feature", "test-chat", "user", "alice"));
		assertThat(reply.reply()).contains("simulated reply");
		assertThat(reply.model()).isEqualTo("gpt-4o-mini-2024-07-18");
		Tokens tokens = reply.tokens();
		assertThat(tokens).isNotNull();
		assertThat(tokens.get(BillingDimension.INPUT)).isPositive();
		assertThat(tokens.get(BillingDimension.OUTPUT)).isPositive();
		// gpt-4o-mini in application.yaml, per 1K tokens
		BigDecimal expected = perThousand(tokens.get(BillingDimension.INPUT), "0.00015")
			.add(perThousand(tokens.get(BillingDimension.CACHED_INPUT), "0.000075"))
			.add(perThousand(tokens.get(BillingDimension.OUTPUT), "0.0006"));
		assertThat(reply.cost()).isNotNull();
		assertThat(reply.cost().total()).isPositive().isEqualByComparingTo(expected);
		assertThat(reply.cost().currency()).isEqualTo("USD");
		assertThat(statistic("llm.cost", "COUNT", "feature:test-chat")).isCloseTo(expected.doubleValue(),
				within(1e-15));
	}

	@Test
	void chatShouldReportCachedAndReasoningTokensOfReasoningModel() {
		Map<String, String> request = Map.of("message", "Think twice about caching.", "feature", "test-reasoning",
				"user", "bob", "model", "o4-mini");
		ChatReply first = chat(request);
		ChatReply second = chat(request);
		assertThat(second.model()).isEqualTo("o4-mini-2025-04-16");
		assertThat(first.tokens()).isNotNull();
		assertThat(second.tokens()).isNotNull();
		assertThat(second.tokens().get(BillingDimension.CACHED_INPUT))
			.isGreaterThan(first.tokens().get(BillingDimension.CACHED_INPUT));
		assertThat(second.tokens().get(BillingDimension.REASONING)).isPositive();
		assertThat(second.cost()).isNotNull();
		assertThat(second.cost().get(BillingDimension.REASONING)).isPositive();
		assertThat(second.cost().total()).isLessThan(first.cost().total());
	}

	@Test
	void streamShouldBePricedAtActuatorMetrics() {
		String events = client().post()
			.uri("/chat/stream")
			.header(LlmCostSampleApplication.TEAM_HEADER, "test-team")
			.body(Map.of("message", "Stream a reply", "feature", "test-stream", "user", "carol", "model", "gpt-4o"))
			.retrieve()
			.body(String.class);
		assertThat(events).contains("data:{\"text\":\"This is a ").contains("event:usage");
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(statistic("llm.cost", "COUNT", "feature:test-stream", "team:test-team",
					"gen_ai.response.model:gpt-4o-2024-08-06"))
				.isPositive());
	}

	@Test
	void demoTrafficShouldShowCostAtActuatorMetricsAndPrometheus() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(DemoTraffic.FEATURES.stream()
				.mapToDouble((feature) -> statistic("llm.call", "COUNT", "feature:" + feature))
				.sum()).isEqualTo(DemoTraffic.CALLS));
		assertThat(statistic("llm.cost", "COUNT", "feature:summarize", "team:content")).isPositive();
		assertThat(statistic("llm.tokens", "COUNT", "llm.token.type:cached_input")).isPositive();
		assertThat(statistic("llm.tokens", "COUNT", "llm.token.type:reasoning")).isPositive();
		String prometheus = client().get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(prometheus).contains("llm_cost_USD_total{").contains("feature=\"summarize\"");
	}

	@Test
	@SuppressWarnings("unchecked")
	void llmCostEndpointShouldShowSpendPricesAndBudgets() {
		chat(Map.of("message", "Count me in the budget", "feature", "test-endpoint", "user", "dave"));
		Map<String, Object> body = client().get().uri("/actuator/llmcost").retrieve().body(Map.class);
		assertThat(body).containsEntry("currency", "USD");
		Map<String, Object> total = (Map<String, Object>) body.get("total");
		assertThat(((Number) total.get("calls")).longValue()).isPositive();
		assertThat(new BigDecimal((String) ((Map<String, Object>) total.get("cost")).get("total"))).isPositive();
		assertThat((Map<String, Object>) body.get("models")).containsKey("gpt-4o-mini-2024-07-18");
		assertThat((Map<String, Object>) body.get("configuredPrices")).containsKeys("gpt-4o", "gpt-3.5-turbo");
		Map<String, Object> daily = ((List<Map<String, Object>>) body.get("budgets")).stream()
			.filter((budget) -> "daily-total".equals(budget.get("name")))
			.findFirst()
			.orElseThrow();
		assertThat(new BigDecimal((String) daily.get("spent"))).isPositive();
		Map<String, Object> model = client().get()
			.uri("/actuator/llmcost/openai/gpt-4o-2024-08-06")
			.retrieve()
			.body(Map.class);
		assertThat(model).containsEntry("priced", true);
		assertThat((Map<String, Object>) model.get("price")).containsEntry("entry", "gpt-4o")
			.containsEntry("source", "property");
	}

	private ChatReply chat(Map<String, String> request) {
		ChatReply reply = client().post().uri("/chat").body(request).retrieve().body(ChatReply.class);
		assertThat(reply).isNotNull();
		return reply;
	}

	@SuppressWarnings("unchecked")
	private double statistic(String meter, String statistic, String... tags) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/actuator/metrics/" + meter);
		for (String tag : tags) {
			uri.queryParam("tag", tag);
		}
		Map<String, Object> body = client().get().uri(uri.build().toUriString()).retrieve().body(Map.class);
		assertThat(body).isNotNull();
		return ((List<Map<String, Object>>) body.get("measurements")).stream()
			.filter((measurement) -> statistic.equals(measurement.get("statistic")))
			.mapToDouble((measurement) -> ((Number) measurement.get("value")).doubleValue())
			.findFirst()
			.orElseThrow();
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

	private static BigDecimal perThousand(long tokens, String price) {
		return new BigDecimal(price).multiply(BigDecimal.valueOf(tokens)).divide(THOUSAND);
	}

}
