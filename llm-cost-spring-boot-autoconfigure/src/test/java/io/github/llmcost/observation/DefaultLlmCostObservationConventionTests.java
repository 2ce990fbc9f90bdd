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
import java.util.List;
import java.util.Map;

import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.testsupport.Usages;
import io.github.llmcost.usage.TokenUsage;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultLlmCostObservationConvention}.
 *
 * @author llm-cost contributors
 */
class DefaultLlmCostObservationConventionTests {

	private static final Currency EUR = Currency.getInstance("EUR");

	private final DefaultLlmCostObservationConvention convention = new DefaultLlmCostObservationConvention();

	@Test
	void shouldHaveName() {
		assertThat(this.convention.getName()).isEqualTo("llm.call");
	}

	@Test
	void contextualNameShouldNameOperationAndModel() {
		assertThat(this.convention.getContextualName(context("gpt-4o"))).isEqualTo("llm chat gpt-4o");
		assertThat(this.convention.getContextualName(context(null))).isEqualTo("llm chat");
	}

	@Test
	void shouldSupportOnlyItsContext() {
		assertThat(this.convention.supportsContext(context("gpt-4o"))).isTrue();
		assertThat(this.convention.supportsContext(new Observation.Context())).isFalse();
	}

	@Test
	void lowCardinalityKeysShouldAlwaysBePresentWithNoneWhenUnknown() {
		LlmCostObservationContext context = context(null);
		assertThat(this.convention.getLowCardinalityKeyValues(context)).containsExactly(
				KeyValue.of("gen_ai.operation.name", "chat"), KeyValue.of("gen_ai.provider.name", "openai"),
				KeyValue.of("gen_ai.request.model", "none"), KeyValue.of("gen_ai.response.model", "none"),
				KeyValue.of("llm.priced", "false"), KeyValue.of("llm.usage.source", "reported"));
	}

	@Test
	void lowCardinalityKeysShouldNameModelsAndPricedCall() {
		LlmCostObservationContext context = pricedContext();
		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(
				KeyValue.of("gen_ai.request.model", "gpt-4o"),
				KeyValue.of("gen_ai.response.model", "gpt-4o-2024-08-06"), KeyValue.of("llm.priced", "true"));
	}

	@Test
	void highCardinalityKeysShouldNameCurrencySourceAndEntry() {
		assertThat(this.convention.getHighCardinalityKeyValues(pricedContext())).containsExactly(
				KeyValue.of("gen_ai.usage.cost.currency", "EUR"), KeyValue.of("gen_ai.usage.cost.source", "local"),
				KeyValue.of("llm.pricing.entry", "gpt-4o"), KeyValue.of("llm.pricing.source", "property"),
				KeyValue.of("llm.pricing.tier", "base"));
		assertThat(this.convention.getHighCardinalityKeyValues(context("gpt-4o"))).containsExactly(
				KeyValue.of("gen_ai.usage.cost.currency", "EUR"), KeyValue.of("gen_ai.usage.cost.source", "unpriced"));
	}

	@Test
	void metricTagsShouldBeLowCardinalityKeysAndOtherTagsHighCardinalityKeys() {
		LlmCostObservationContext context = LlmCostObservationContext.builder()
			.operation("chat")
			.provider("openai")
			.currency(EUR)
			.attribution(new Attribution(Map.of("feature", "summarize", "user", "alice"),
					Map.of("feature", "summarize", "team", "none"), List.of()))
			.build();
		assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("feature", "summarize"),
				KeyValue.of("team", "none"));
		assertThat(this.convention.getLowCardinalityKeyValues(context)).extracting(KeyValue::getKey)
			.doesNotContain("user");
		assertThat(this.convention.getHighCardinalityKeyValues(context)).contains(KeyValue.of("user", "alice"));
		assertThat(this.convention.getHighCardinalityKeyValues(context)).extracting(KeyValue::getKey)
			.doesNotContain("feature");
	}

	private static LlmCostObservationContext context(String requestModel) {
		return LlmCostObservationContext.builder()
			.operation("chat")
			.provider("openai")
			.requestModel(requestModel)
			.currency(EUR)
			.build();
	}

	private static LlmCostObservationContext pricedContext() {
		LlmCostObservationContext context = context("gpt-4o");
		context.setResponseModel("gpt-4o-2024-08-06");
		TokenUsage usage = Usages.tokens(10, 0, 0, 5, 0);
		context.setUsage(usage);
		ModelPrice price = ModelPrice.builder().input(BigDecimal.ONE).output(BigDecimal.TEN).build();
		context.setCost(new ResolvedPrice("gpt-4o", ResolvedPrice.SOURCE_PROPERTY, price),
				new LlmCostCalculator(EUR).calculate(usage, price));
		return context;
	}

}
