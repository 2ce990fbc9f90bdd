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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for export over OTLP/HTTP: metrics read back from VictoriaMetrics, which receives
 * them at {@code /opentelemetry/v1/metrics}, and spans from a receiver that decodes them.
 *
 * @author llm-cost contributors
 */
@ExportIntegrationTest
class OtlpExportIntegrationTests {

	private static MetricsBackend victoriaMetrics;

	private static OtlpTraceReceiver traceReceiver;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private SdkTracerProvider tracerProvider;

	@BeforeAll
	static void startReceivers() {
		victoriaMetrics = MetricsBackend.victoriaMetrics(OtlpEndpoints.metricsPort());
		traceReceiver = OtlpTraceReceiver.start(OtlpEndpoints.tracesPort());
		ExportCalls.stubModels();
	}

	@AfterAll
	static void stopReceivers() {
		if (traceReceiver != null) {
			traceReceiver.close();
		}
		if (victoriaMetrics != null) {
			victoriaMetrics.close();
		}
	}

	@Test
	void shouldExportCostTokensAndCallsWithTheirTagsAndUnits() {
		ChatClient chatClient = this.chatClientBuilder.build();
		ExportCalls.call(chatClient, ExportCalls.PRICED_MODEL, "otlp-metrics", "observability");
		ExportCalls.call(chatClient, ExportCalls.UNPRICED_MODEL, "otlp-metrics", "observability");
		Awaitility.await("metrics in VictoriaMetrics")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> {
				assertThat(values("llm_cost_USD_total{feature=\"otlp-metrics\"}", "llm_cost_type")).containsOnly(
						entry("input", 0.00024), entry("cached_input", 0.00004), entry("cache_write", 0.0),
						entry("audio_input", 0.0), entry("output", 0.00064), entry("reasoning", 0.00016),
						entry("audio_output", 0.0), entry("request", 0.0));
				assertThat(values("llm_tokens_total{feature=\"otlp-metrics\",gen_ai_request_model=\"acme-local-7b\"}",
						"llm_token_type"))
					.containsOnly(entry("input", 600.0), entry("cached_input", 400.0), entry("cache_write", 0.0),
							entry("audio_input", 0.0), entry("output", 400.0), entry("reasoning", 100.0),
							entry("audio_output", 0.0));
				assertThat(values("llm_call_seconds_count{feature=\"otlp-metrics\"}", "llm_priced"))
					.containsOnly(entry("true", 1.0), entry("false", 1.0));
				assertThat(values("llm_call_cost_USD_sum{feature=\"otlp-metrics\"}", "gen_ai_request_model"))
					.containsOnly(entry("gpt-4.1-mini", 0.00108));
				assertThat(values("llm_call_seconds_bucket{feature=\"otlp-metrics\",le=\"+Inf\"}", "llm_priced"))
					.containsOnly(entry("true", 1.0), entry("false", 1.0));
				// units travel as name suffixes (VictoriaMetrics leaves out "tokens": the
				// name ends with it); a new name may show a few seconds after another
				assertThat(victoriaMetrics.names("llm_.*")).contains("llm_call_cost_USD", "llm_call_cost_USD_count",
						"llm_call_cost_USD_sum", "llm_call_seconds_bucket", "llm_call_seconds_count",
						"llm_call_seconds_sum", "llm_cost_USD_total", "llm_tokens_total");
			});
		assertThat(labels("llm_cost_USD_total{feature=\"otlp-metrics\",llm_cost_type=\"output\"}"))
			.containsAllEntriesOf(Map.of("currency", "USD", "gen_ai_operation_name", "chat", "gen_ai_provider_name",
					"openai", "gen_ai_request_model", "gpt-4.1-mini", "gen_ai_response_model",
					"gpt-4.1-mini-2025-04-14", "team", "observability"));
		assertThat(labels("llm_call_seconds_count{feature=\"otlp-metrics\",llm_priced=\"false\"}"))
			.containsAllEntriesOf(Map.of("error", "none", "gen_ai_operation_name", "chat", "gen_ai_provider_name",
					"openai", "gen_ai_request_model", "acme-local-7b", "gen_ai_response_model", "acme-local-7b", "team",
					"observability"));
	}

	@Test
	void shouldExportSpanWithTokenAndCostAttributesAsNumbers() {
		ChatClient chatClient = this.chatClientBuilder.build();
		ExportCalls.call(chatClient, ExportCalls.PRICED_MODEL, "otlp-traces", "observability");
		ExportCalls.call(chatClient, ExportCalls.UNPRICED_MODEL, "otlp-traces", "observability");
		this.tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
		Awaitility.await("spans received")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> llmCallSpans("otlp-traces").size() == 2);
		Map<String, Map<String, AnyValue>> spans = llmCallSpans("otlp-traces");
		Map<String, AnyValue> priced = spans.get("llm chat gpt-4.1-mini");
		assertThat(priced.get("gen_ai.usage.input_tokens").getIntValue()).isEqualTo(1000);
		assertThat(priced.get("gen_ai.usage.output_tokens").getIntValue()).isEqualTo(500);
		assertThat(priced.get("gen_ai.usage.cache_read.input_tokens").getIntValue()).isEqualTo(400);
		assertThat(priced.get("gen_ai.usage.cache_creation.input_tokens").hasIntValue()).isTrue();
		assertThat(priced.get("gen_ai.usage.cache_creation.input_tokens").getIntValue()).isZero();
		assertThat(priced.get("gen_ai.usage.reasoning.output_tokens").getIntValue()).isEqualTo(100);
		assertThat(priced.get("gen_ai.usage.cost.amount").hasDoubleValue()).isTrue();
		assertThat(priced.get("gen_ai.usage.cost.amount").getDoubleValue()).isEqualTo(0.00108);
		assertThat(priced.get("gen_ai.usage.cost.currency").getStringValue()).isEqualTo("USD");
		assertThat(priced.get("gen_ai.usage.cost.source").getStringValue()).isEqualTo("local");
		assertThat(priced.get("llm.pricing.entry").getStringValue()).isEqualTo("gpt-4.1-mini");
		assertThat(priced.get("gen_ai.provider.name").getStringValue()).isEqualTo("openai");
		assertThat(priced.get("gen_ai.response.model").getStringValue()).isEqualTo("gpt-4.1-mini-2025-04-14");
		assertThat(priced.get("team").getStringValue()).isEqualTo("observability");
		Map<String, AnyValue> unpriced = spans.get("llm chat acme-local-7b");
		assertThat(unpriced.get("gen_ai.usage.input_tokens").getIntValue()).isEqualTo(1000);
		assertThat(unpriced.get("gen_ai.usage.cost.source").getStringValue()).isEqualTo("unpriced");
		assertThat(unpriced).doesNotContainKey("gen_ai.usage.cost.amount");
	}

	@Test
	void shouldAnswerEveryQueryOfTheGrafanaDashboardFromOtlpMetrics() {
		makeDashboardCalls();
		// rate() needs the counters to grow while VictoriaMetrics watches them
		Awaitility.await("series received")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.untilAsserted(() -> assertThat(victoriaMetrics.query("llm_call_seconds_count{feature=\"otlp-dashboard\"}"))
				.hasSize(3));
		makeDashboardCalls();
		GrafanaDashboard.load().assertAnsweredBy(victoriaMetrics, false);
	}

	private void makeDashboardCalls() {
		ChatClient chatClient = this.chatClientBuilder.build();
		ExportCalls.call(chatClient, ExportCalls.PRICED_MODEL, "otlp-dashboard", "payments");
		ExportCalls.call(chatClient, ExportCalls.OTHER_PRICED_MODEL, "otlp-dashboard", "growth");
		ExportCalls.call(chatClient, ExportCalls.UNPRICED_MODEL, "otlp-dashboard", "growth");
	}

	private static Map<String, Double> values(String promql, String label) {
		return victoriaMetrics.query(promql)
			.stream()
			.collect(Collectors.toMap((series) -> metric(series).get(label),
					(series) -> Double.parseDouble((String) ((List<?>) series.get("value")).get(1))));
	}

	private static Map<String, String> labels(String promql) {
		List<Map<String, Object>> result = victoriaMetrics.query(promql);
		assertThat(result).as(promql).hasSize(1);
		return metric(result.get(0));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> metric(Map<String, Object> series) {
		return (Map<String, String>) series.get("metric");
	}

	private static Map<String, Map<String, AnyValue>> llmCallSpans(String feature) {
		Map<String, Map<String, AnyValue>> spans = new TreeMap<>();
		for (Span span : traceReceiver.spans()) {
			Map<String, AnyValue> attributes = span.getAttributesList()
				.stream()
				.collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
			if (span.getName().startsWith("llm chat ") && attributes.containsKey("feature")
					&& feature.equals(attributes.get("feature").getStringValue())) {
				spans.put(span.getName(), attributes);
			}
		}
		return spans;
	}

}
