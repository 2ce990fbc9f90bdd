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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.llmcost.testsupport.OpenAiServer;
import io.github.llmcost.testsupport.OpenAiTestApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs an export test against {@link OpenAiTestApplication}, with Spring AI's OpenAI
 * client pointed at {@link OpenAiServer}, metrics published to Prometheus
 * ({@code /actuator/prometheus}) and to OTLP every second, and spans exported over OTLP,
 * both to {@link OtlpEndpoints}. Every test class with this annotation shares one
 * application context.
 * <p>
 * The distribution settings are the ones the dashboard needs: {@code llm.call} publishes
 * a percentile histogram (in seconds on OTLP too, as on Prometheus), and
 * {@code llm.call.cost} its median and 95th percentile. Micrometer's histogram buckets
 * round each value up to a whole number before counting it, so they cannot resolve costs
 * below one unit of currency; client-side percentiles can. The histogram of
 * {@code llm.call} is switched off explicitly for {@code llm.call.cost}, which would
 * otherwise inherit it: Boot applies a meter's distribution properties to every meter
 * whose name starts with that name and a dot.
 * <p>
 * Exemplars stay on counters and histogram buckets, not on the {@code _count} of
 * summaries and histograms: Prometheus before 2.43, such as Debian 12's 2.42, rejects the
 * whole scrape otherwise ("metric name ..._count does not support exemplars").
 * <p>
 * Budgets are forecast every second ({@code llm-cost.anomaly.interval}), so that the
 * dashboard's forecast panel has a value within a second instead of after the default
 * minute; VictoriaMetrics keeps no sample of a gauge that is still {@code NaN}. No spend
 * of these tests is ever large enough to count as an anomaly, so no anomaly counter
 * appears beside the meters that the tests pin.
 * <p>
 * A span export gives up after 3 s, retries included, instead of 10 s, and the batch
 * processor waits 1 s for it instead of 30 s. The receiver is down before the OTLP tests
 * start and after they end, so the spans queued then would otherwise hold the shutdown of
 * the context 10 s, and the log line that {@link OtlpExporterDownIntegrationTests} waits
 * for would come about 8 s after the first attempt instead of 3 s.
 *
 * @author llm-cost contributors
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = OpenAiTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.ai.model.chat=openai", "spring.ai.model.embedding=none", "spring.ai.model.image=none",
		"spring.ai.model.audio.speech=none", "spring.ai.model.audio.transcription=none",
		"spring.ai.model.moderation=none", "spring.ai.openai.api-key=test-key", "spring.ai.openai.max-retries=0",
		"spring.ai.openai.chat.model=gpt-4.1-mini", "management.endpoints.web.exposure.include=metrics,prometheus",
		"management.tracing.sampling.probability=1.0", "management.otlp.metrics.export.step=1s",
		"management.metrics.distribution.percentiles-histogram.llm.call=true",
		"management.metrics.distribution.percentiles-histogram.llm.call.cost=false",
		"management.metrics.distribution.percentiles.llm.call.cost=0.5,0.95",
		"management.otlp.metrics.export.base-time-unit=seconds",
		"management.prometheus.metrics.export.properties.[io.prometheus.exporter.exemplarsOnAllMetricTypes]=false",
		"llm-cost.pricing.models.[gpt-4.1-mini].input=0.40", "llm-cost.pricing.models.[gpt-4.1-mini].output=1.60",
		"llm-cost.pricing.models.[gpt-4.1-mini].cached-input=0.10", "llm-cost.pricing.models.[o4-mini].input=1.10",
		"llm-cost.pricing.models.[o4-mini].output=4.40", "llm-cost.pricing.models.[o4-mini].cached-input=0.275",
		"llm-cost.budget.limits.monthly.amount=1000", "llm-cost.budget.limits.monthly.period=month",
		"llm-cost.anomaly.interval=1s", "llm-cost.anomaly.min-spend-per-interval=1000",
		"management.opentelemetry.tracing.export.otlp.timeout=3s",
		"management.opentelemetry.tracing.export.timeout=1s" })
@ContextConfiguration(initializers = { OpenAiServer.class, OtlpEndpoints.class })
@interface ExportIntegrationTest {

}
