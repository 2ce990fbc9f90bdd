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

package io.github.llmcost.observation;

import java.math.BigDecimal;
import java.util.Currency;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.testsupport.Usages;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmCostTracingObservationHandler}, with the OpenTelemetry SDK behind
 * Micrometer Tracing's bridge.
 *
 * @author llm-cost contributors
 */
class LlmCostTracingObservationHandlerTests {

	private static final Currency USD = Currency.getInstance("USD");

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
		.build();

	private final ObservationRegistry observationRegistry = ObservationRegistry.create();

	LlmCostTracingObservationHandlerTests() {
		OtelTracer tracer = new OtelTracer(this.tracerProvider.get("test"), new OtelCurrentTraceContext(), (event) -> {
		});
		// registered as Spring Boot registers them: the tracing handler first
		this.observationRegistry.observationConfig()
			.observationHandler(new DefaultTracingObservationHandler(tracer))
			.observationHandler(new LlmCostTracingObservationHandler());
	}

	@AfterEach
	void closeTracerProvider() {
		this.tracerProvider.close();
	}

	@Test
	void shouldSetTokensAndCostOnSpanAsNumbers() {
		LlmCostObservationContext context = context();
		TokenUsage usage = Usages.tokens(600, 400, 50, 400, 100);
		ModelPrice price = ModelPrice.builder()
			.input(new BigDecimal("2.50"))
			.output(new BigDecimal("10.00"))
			.price(BillingDimension.CACHED_INPUT, new BigDecimal("1.25"))
			.price(BillingDimension.CACHE_WRITE, new BigDecimal("2.50"))
			.build();
		context.setUsage(usage);
		context.setCost(new ResolvedPrice("gpt-4o", ResolvedPrice.SOURCE_PROPERTY, price),
				new LlmCostCalculator(USD).calculate(usage, price));
		observe(context);
		Attributes attributes = onlySpan().getAttributes();
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(1050L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(500L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.cache_read.input_tokens"))).isEqualTo(400L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.cache_creation.input_tokens"))).isEqualTo(50L);
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.reasoning.output_tokens"))).isEqualTo(100L);
		assertThat(attributes.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isEqualTo(0.007125);
		assertThat(attributes.get(AttributeKey.stringKey("gen_ai.usage.cost.currency"))).isEqualTo("USD");
		assertThat(attributes.get(AttributeKey.stringKey("gen_ai.usage.cost.source"))).isEqualTo("local");
		assertThat(attributes.get(AttributeKey.stringKey("llm.pricing.entry"))).isEqualTo("gpt-4o");
		assertThat(attributes.get(AttributeKey.stringKey("llm.priced"))).isEqualTo("true");
		assertThat(onlySpan().getName()).isEqualTo("llm chat gpt-4o");
	}

	@Test
	void shouldSetTokensButNoCostOnSpanOfUnpricedCall() {
		LlmCostObservationContext context = context();
		context.setUsage(Usages.tokens(7, 0, 0, 3, 0));
		observe(context);
		Attributes attributes = onlySpan().getAttributes();
		assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(7L);
		assertThat(attributes.get(AttributeKey.doubleKey("gen_ai.usage.cost.amount"))).isNull();
		assertThat(attributes.get(AttributeKey.stringKey("gen_ai.usage.cost.source"))).isEqualTo("unpriced");
	}

	private void observe(LlmCostObservationContext context) {
		LlmCostObservationDocumentation.LLM_CALL
			.observation(null, new DefaultLlmCostObservationConvention(), () -> context, this.observationRegistry)
			.start()
			.stop();
	}

	private SpanData onlySpan() {
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(1);
		return this.exporter.getFinishedSpanItems().get(0);
	}

	private static LlmCostObservationContext context() {
		return LlmCostObservationContext.builder()
			.operation("chat")
			.provider("openai")
			.requestModel("gpt-4o")
			.currency(USD)
			.build();
	}

}
