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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for export to Prometheus: the series at {@code /actuator/prometheus}, read over
 * HTTP, and the same series scraped by a real Prometheus, which answers every query of
 * the Grafana dashboard.
 *
 * @author llm-cost contributors
 */
@ExportIntegrationTest
class PrometheusExportIntegrationTests {

	private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? .*");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

	private static @Nullable MetricsBackend server;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void stubModels() {
		ExportCalls.stubModels();
	}

	@AfterAll
	static void stopPrometheus() {
		if (server != null) {
			server.close();
			server = null;
		}
	}

	@Test
	void shouldExposeCostAndTokenSeriesWithUnitsInTheirNames() {
		ChatClient chatClient = this.chatClientBuilder.build();
		ExportCalls.call(chatClient, ExportCalls.PRICED_MODEL, "prometheus-names", "observability");
		ExportCalls.call(chatClient, ExportCalls.UNPRICED_MODEL, "prometheus-names", "observability");
		String scrape = RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/actuator/prometheus")
			.retrieve()
			.body(String.class);
		assertThat(scrape).contains("# TYPE llm_cost_USD_total counter\n", "# TYPE llm_tokens_total counter\n",
				"# TYPE llm_call_seconds histogram\n", "# TYPE llm_call_cost_USD summary\n",
				"# TYPE gen_ai_client_token_usage_total counter\n");
		Map<String, Set<String>> labels = labelsByName(scrape);
		assertThat(labels.keySet()).filteredOn((name) -> name.startsWith("llm_"))
			.containsExactlyInAnyOrder("llm_budget_forecast_USD", "llm_budget_limit_USD", "llm_budget_spent_USD",
					"llm_budget_store_failures_total", "llm_call_active_seconds_bucket",
					"llm_call_active_seconds_gcount", "llm_call_active_seconds_gsum", "llm_call_active_seconds_max",
					"llm_call_cost_USD", "llm_call_cost_USD_count", "llm_call_cost_USD_max", "llm_call_cost_USD_sum",
					"llm_call_seconds_bucket", "llm_call_seconds_count", "llm_call_seconds_max", "llm_call_seconds_sum",
					"llm_cost_USD_total", "llm_tokens_total");
		Set<String> common = Set.of("gen_ai_operation_name", "gen_ai_provider_name", "gen_ai_request_model", "feature",
				"team");
		assertThat(labels.get("llm_cost_USD_total")).containsAll(common)
			.contains("gen_ai_response_model", "llm_cost_type", "currency", "llm_usage_source")
			.hasSize(9);
		assertThat(labels.get("llm_tokens_total")).containsAll(common)
			.contains("gen_ai_response_model", "llm_token_type", "llm_usage_source")
			.hasSize(8);
		assertThat(labels.get("llm_call_seconds_count")).containsAll(common)
			.contains("gen_ai_response_model", "llm_priced", "llm_usage_source", "error")
			.hasSize(9);
		assertThat(labels.get("llm_call_cost_USD_count")).containsAll(common).contains("currency").hasSize(6);
		assertThat(labels.get("llm_call_cost_USD")).contains("quantile");
		assertThat(labels.get("llm_budget_spent_USD")).containsExactlyInAnyOrder("budget", "currency");
		// Spring AI's own token counter keeps its name and labels beside ours
		assertThat(labels.get("gen_ai_client_token_usage_total")).contains("gen_ai_token_type")
			.doesNotContain("llm_token_type");
		assertThat(scrape).contains("llm_cost_USD_total{currency=\"USD\",feature=\"prometheus-names\","
				+ "gen_ai_operation_name=\"chat\",gen_ai_provider_name=\"openai\",gen_ai_request_model=\"gpt-4.1-mini\","
				+ "gen_ai_response_model=\"gpt-4.1-mini-2025-04-14\",llm_cost_type=\"input\",llm_usage_source=\"reported\",team=\"observability\"} 2.4E-4\n",
				"llm_tokens_total{feature=\"prometheus-names\",gen_ai_operation_name=\"chat\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"acme-local-7b\","
						+ "gen_ai_response_model=\"acme-local-7b\",llm_token_type=\"cached_input\",llm_usage_source=\"reported\",team=\"observability\"} 400.0\n",
				"llm_call_seconds_count{error=\"none\",feature=\"prometheus-names\",gen_ai_operation_name=\"chat\","
						+ "gen_ai_provider_name=\"openai\",gen_ai_request_model=\"acme-local-7b\","
						+ "gen_ai_response_model=\"acme-local-7b\",llm_priced=\"false\",llm_usage_source=\"reported\",team=\"observability\"} 1\n");
	}

	@Test
	void shouldBeScrapedByPrometheus() {
		MetricsBackend prometheus = prometheus();
		ExportCalls.call(this.chatClientBuilder.build(), ExportCalls.PRICED_MODEL, "prometheus-scrape",
				"observability");
		Awaitility.await("series scraped")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				assertThat(prometheus.query("up{job=\"llm-cost\"} == 1")).as(prometheus.get("/api/v1/targets"))
					.hasSize(1);
				// one series per cost type: input, cached_input, cache_write,
				// audio_input,
				// output, reasoning, audio_output, request
				assertThat(prometheus.query("llm_cost_USD_total{feature=\"prometheus-scrape\"}")).hasSize(8);
			});
		assertThat(prometheus.names("llm_.*")).contains("llm_call_cost_USD", "llm_call_cost_USD_count",
				"llm_call_cost_USD_sum", "llm_call_seconds_bucket", "llm_call_seconds_count", "llm_call_seconds_sum",
				"llm_cost_USD_total", "llm_tokens_total");
		assertThat(prometheus.query("sum(llm_tokens_total{feature=\"prometheus-scrape\",llm_token_type=\"input\"})"))
			.singleElement()
			.satisfies((series) -> assertThat((List<?>) series.get("value")).element(1).isEqualTo("600"));
	}

	@Test
	void shouldAnswerEveryQueryOfTheGrafanaDashboard() {
		MetricsBackend prometheus = prometheus();
		makeDashboardCalls();
		// a counter's first sample is the baseline of increase() and rate(): call again
		// once Prometheus has scraped every series
		Awaitility.await("series scraped")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(
					() -> assertThat(prometheus.query("llm_call_seconds_count{feature=~\"dashboard-.*\"}")).hasSize(6));
		makeDashboardCalls();
		GrafanaDashboard.load().assertAnsweredBy(prometheus, true);
	}

	private MetricsBackend prometheus() {
		MetricsBackend prometheus = server;
		if (prometheus == null) {
			prometheus = MetricsBackend.prometheus(this.port);
			server = prometheus;
		}
		return prometheus;
	}

	private void makeDashboardCalls() {
		ChatClient chatClient = this.chatClientBuilder.build();
		ExportCalls.call(chatClient, ExportCalls.PRICED_MODEL, "dashboard-summarize", "payments");
		ExportCalls.call(chatClient, ExportCalls.PRICED_MODEL, "dashboard-search", "growth");
		ExportCalls.call(chatClient, ExportCalls.OTHER_PRICED_MODEL, "dashboard-summarize", "payments");
		ExportCalls.call(chatClient, ExportCalls.OTHER_PRICED_MODEL, "dashboard-search", "payments");
		ExportCalls.call(chatClient, ExportCalls.UNPRICED_MODEL, "dashboard-search", "growth");
		ExportCalls.call(chatClient, ExportCalls.UNPRICED_MODEL, "dashboard-summarize", "growth");
	}

	private static Map<String, Set<String>> labelsByName(String scrape) {
		Map<String, Set<String>> labels = new TreeMap<>();
		scrape.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).forEach((line) -> {
			Matcher sample = SAMPLE.matcher(line);
			assertThat(sample.matches()).as(line).isTrue();
			Set<String> names = labels.computeIfAbsent(sample.group(1), (name) -> new TreeSet<>());
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					names.add(label.group(1));
				}
			}
		});
		return labels;
	}

}
