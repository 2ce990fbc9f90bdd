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

package io.github.llmcost.metrics;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.BudgetReservation;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.observation.LlmCostObservationContext;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.LlmCostRecorder;
import io.github.llmcost.testsupport.Usages;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link LlmCostMeterRecorder}.
 *
 * @author llm-cost contributors
 */
class LlmCostMeterRecorderTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final ModelPrice GPT_4O = ModelPrice.builder()
		.input(new BigDecimal("2.50"))
		.output(new BigDecimal("10.00"))
		.price(BillingDimension.CACHED_INPUT, new BigDecimal("1.25"))
		.price(BillingDimension.CACHE_WRITE, new BigDecimal("3.125"))
		.price(BillingDimension.CACHE_WRITE_1H, new BigDecimal("5.00"))
		.price(BillingDimension.REQUEST, new BigDecimal("0.0001"))
		.build();

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final LlmCostRecorder recorder = new LlmCostRecorder(List.of(new LlmCostMeterRecorder(this.meterRegistry)));

	@Test
	void shouldRecordTokensByType() {
		observe(priced(Usages.tokens(600, 400, 0, 400, 100)));
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
		observe(priced(Usages.tokens(600, 400, 0, 400, 100)));
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
	void shouldRecordOneHourCacheWritesUnderCacheWriteType() {
		observe(priced(TokenUsage.builder()
			.tokens(BillingDimension.CACHE_WRITE, 1000)
			.tokens(BillingDimension.CACHE_WRITE_1H, 2000)
			.build()));
		assertThat(this.meterRegistry.find("llm.tokens").tag("llm.token.type", "cache_write").counters()).hasSize(1);
		assertThat(tokens("cache_write")).isEqualTo(3000);
		assertThat(this.meterRegistry.find("llm.cost").tag("llm.cost.type", "cache_write").functionCounters())
			.hasSize(1);
		// 1000 x 3.125 + 2000 x 5.00 per million
		assertThat(cost("cache_write")).isEqualTo(0.013125);
	}

	@Test
	void shouldRecordTotalCostOfEachCall() {
		observe(priced(Usages.tokens(600, 400, 0, 400, 100)));
		observe(priced(Usages.tokens(1_000_000, 0, 0, 0, 0)));
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
		observe(priced(Usages.tokens(600, 400, 0, 400, 100)));
		LlmCostObservationContext otherModel = priced(Usages.tokens(1_000_000, 0, 0, 0, 0));
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
		context.setUsage(Usages.tokens(10, 0, 0, 5, 0));
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
		assertThatNoException().isThrownBy(() -> observe(priced(Usages.tokens(1, 0, 0, 1, 0))));
		assertThatIllegalStateException()
			.isThrownBy(() -> new LlmCostMeterRecorder(this.meterRegistry)
				.onPricedCall(priced(Usages.tokens(1, 0, 0, 1, 0)).toPricedCall(false)))
			.withMessage("registry is broken");
	}

	private double tokens(String type) {
		return this.meterRegistry.get("llm.tokens").tag("llm.token.type", type).counter().count();
	}

	private double cost(String type) {
		return this.meterRegistry.get("llm.cost").tag("llm.cost.type", type).functionCounter().count();
	}

	private void observe(LlmCostObservationContext context) {
		this.recorder.record(context.toPricedCall(false), BudgetReservation.NONE);
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
