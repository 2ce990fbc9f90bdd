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

import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LlmCostMeterObservationHandler}.
 *
 * @author llm-cost contributors
 */
class LlmCostMeterObservationHandlerTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final ModelPrice GPT_4O = ModelPrice.builder()
		.input(new BigDecimal("2.50"))
		.output(new BigDecimal("10.00"))
		.cachedInput(new BigDecimal("1.25"))
		.perRequest(new BigDecimal("0.0001"))
		.build();

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final ObservationRegistry observationRegistry = ObservationRegistry.create();

	LlmCostMeterObservationHandlerTests() {
		this.observationRegistry.observationConfig()
			.observationHandler(new LlmCostMeterObservationHandler(this.meterRegistry));
	}

	@Test
	void shouldRecordTokensByType() {
		observe(priced(new TokenUsage(600, 400, 0, 400, 100)));
		assertThat(tokens("input")).isEqualTo(600);
		assertThat(tokens("cached_input")).isEqualTo(400);
		assertThat(tokens("cache_write")).isZero();
		assertThat(tokens("output")).isEqualTo(400);
		assertThat(tokens("reasoning")).isEqualTo(100);
		Meter.Id id = this.meterRegistry.get("llm.tokens").tag("llm.token.type", "input").counter().getId();
		assertThat(id.getBaseUnit()).isEqualTo("tokens");
		assertThat(id.getTag("gen_ai.operation.name")).isEqualTo("chat");
		assertThat(id.getTag("gen_ai.provider.name")).isEqualTo("openai");
		assertThat(id.getTag("gen_ai.request.model")).isEqualTo("gpt-4o");
		assertThat(id.getTag("gen_ai.response.model")).isEqualTo("gpt-4o-2024-08-06");
		assertThat(id.getTag("llm.priced")).isNull();
	}

	@Test
	void shouldRecordCostByTypeInCurrency() {
		observe(priced(new TokenUsage(600, 400, 0, 400, 100)));
		assertThat(cost("input")).isEqualTo(0.0015);
		assertThat(cost("cached_input")).isEqualTo(0.0005);
		assertThat(cost("cache_write")).isZero();
		assertThat(cost("output")).isEqualTo(0.004);
		assertThat(cost("reasoning")).isEqualTo(0.001);
		assertThat(cost("request")).isEqualTo(0.0001);
		Meter.Id id = this.meterRegistry.get("llm.cost").tag("llm.cost.type", "input").functionCounter().getId();
		assertThat(id.getBaseUnit()).isEqualTo("USD");
		assertThat(id.getTag("currency")).isEqualTo("USD");
	}

	@Test
	void shouldRecordTotalCostOfEachCall() {
		observe(priced(new TokenUsage(600, 400, 0, 400, 100)));
		observe(priced(new TokenUsage(1_000_000, 0, 0, 0, 0)));
		DistributionSummary callCost = this.meterRegistry.get("llm.call.cost").summary();
		assertThat(callCost.count()).isEqualTo(2);
		assertThat(callCost.totalAmount()).isEqualTo(0.0071 + 2.5001);
		assertThat(callCost.getId().getTag("gen_ai.response.model")).isNull();
		assertThat(callCost.getId().getTag("gen_ai.request.model")).isEqualTo("gpt-4o");
		assertThat(callCost.getId().getTag("currency")).isEqualTo("USD");
	}

	@Test
	void shouldAddUpCostOfCallsThatMeterFilterMergesIntoOneSeries() {
		this.meterRegistry.config().meterFilter(MeterFilter.ignoreTags("gen_ai.response.model"));
		observe(priced(new TokenUsage(600, 400, 0, 400, 100)));
		LlmCostObservationContext otherModel = priced(new TokenUsage(1_000_000, 0, 0, 0, 0));
		otherModel.setResponseModel("gpt-4o-2024-11-20");
		observe(otherModel);
		assertThat(this.meterRegistry.find("llm.cost").tag("llm.cost.type", "input").functionCounters()).hasSize(1);
		assertThat(cost("input")).isEqualTo(2.5015);
		assertThat(cost("request")).isEqualTo(0.0002);
		assertThat(tokens("input")).isEqualTo(1_000_600);
	}

	@Test
	void shouldRecordTokensButNoCostOfUnpricedCall() {
		LlmCostObservationContext context = context();
		context.setUsage(new TokenUsage(10, 0, 0, 5, 0));
		observe(context);
		assertThat(tokens("input")).isEqualTo(10);
		assertThat(this.meterRegistry.find("llm.cost").meters()).isEmpty();
		assertThat(this.meterRegistry.find("llm.call.cost").meters()).isEmpty();
	}

	@Test
	void shouldRecordNothingForCallWithoutUsage() {
		observe(context());
		assertThat(this.meterRegistry.find("llm.tokens").meters()).isEmpty();
	}

	@Test
	void shouldNotFailWhenMeterRegistryFails() {
		this.meterRegistry.config().meterFilter(new MeterFilter() {

			@Override
			public Meter.Id map(Meter.Id id) {
				throw new IllegalStateException("registry is broken");
			}

		});
		assertThatNoException().isThrownBy(() -> observe(priced(new TokenUsage(1, 0, 0, 1, 0))));
	}

	private double tokens(String type) {
		return this.meterRegistry.get("llm.tokens").tag("llm.token.type", type).counter().count();
	}

	private double cost(String type) {
		return this.meterRegistry.get("llm.cost").tag("llm.cost.type", type).functionCounter().count();
	}

	private void observe(LlmCostObservationContext context) {
		Observation observation = LlmCostObservationDocumentation.LLM_CALL.observation(null,
				new DefaultLlmCostObservationConvention(), () -> context, this.observationRegistry);
		observation.start().stop();
	}

	private static LlmCostObservationContext context() {
		LlmCostObservationContext context = LlmCostObservationContext.builder()
			.operation("chat")
			.provider("openai")
			.requestModel("gpt-4o")
			.currency(USD)
			.build();
		context.setResponseModel("gpt-4o-2024-08-06");
		return context;
	}

	private static LlmCostObservationContext priced(TokenUsage usage) {
		LlmCostObservationContext context = context();
		context.setUsage(usage);
		context.setCost(new ResolvedPrice("gpt-4o", ResolvedPrice.SOURCE_PROPERTY, GPT_4O),
				new LlmCostCalculator(USD).calculate(usage, GPT_4O));
		return context;
	}

}
