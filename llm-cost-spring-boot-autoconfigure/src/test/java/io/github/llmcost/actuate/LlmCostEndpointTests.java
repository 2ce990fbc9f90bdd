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

package io.github.llmcost.actuate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.github.llmcost.actuate.LlmCostEndpoint.LlmCostDescriptor;
import io.github.llmcost.actuate.LlmCostEndpoint.ModelResolutionDescriptor;
import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetPeriod;
import io.github.llmcost.budget.CallCostEstimator;
import io.github.llmcost.budget.InMemoryBudgetStore;
import io.github.llmcost.cost.CallPricer;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.PriceEntry;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.testsupport.Usages;
import io.github.llmcost.usage.TokenUsage;
import io.github.llmcost.usage.UsageSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LlmCostEndpoint} and {@link LlmCostTotals}.
 *
 * @author llm-cost contributors
 */
class LlmCostEndpointTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final ModelPrice GPT_4O = ModelPrice.builder()
		.input(new BigDecimal("2.50"))
		.output(new BigDecimal("10.00"))
		.price(BillingDimension.CACHED_INPUT, new BigDecimal("1.25"))
		.tier(200_000, (tier) -> tier.input(new BigDecimal("5")))
		.build();

	private final CatalogModelPriceResolver resolver = new CatalogModelPriceResolver(List.of(
			new PriceCatalog("property", "llm-cost.pricing.models", List.of(new PriceEntry("gpt-4o", GPT_4O))),
			new PriceCatalog("builtin", "bundled", List.of(
					new PriceEntry("claude-sonnet-4-20250514",
							ModelPrice.builder().input(BigDecimal.ONE).output(BigDecimal.TEN).build()),
					new PriceEntry("deepseek-r1",
							ModelPrice.builder().input(new BigDecimal("0.55")).output(new BigDecimal("2.19")).build()),
					new PriceEntry("hd/1024-x-1792/dall-e-3",
							ModelPrice.builder()
								.input(BigDecimal.ZERO)
								.output(BigDecimal.ZERO)
								.perImage(new BigDecimal("0.11999"))
								.build())))));

	private final CallPricer pricer = CallPricer.builder(this.resolver)
		.currency(USD)
		.freeProviders(List.of("ollama"))
		.build();

	private final LlmCostTotals totals = new LlmCostTotals(
			Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC), USD);

	@Test
	void shouldShowExactSpendSinceStartOverallAndByModel() {
		for (int i = 0; i < 3; i++) {
			observe("gpt-4o", "gpt-4o-2024-08-06", Usages.tokens(600, 400, 0, 400, 100));
		}
		observe("mystery", "mystery-model", Usages.tokens(10, 0, 0, 5, 0));
		LlmCostDescriptor descriptor = endpoint(null).llmCost();
		assertThat(descriptor.currency()).isEqualTo("USD");
		assertThat(descriptor.since()).isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
		assertThat(descriptor.total().calls()).isEqualTo(4);
		assertThat(descriptor.total().unpricedCalls()).isEqualTo(1);
		assertThat(descriptor.total().tokens()).containsEntry("input", 1810L);
		assertThat(descriptor.total().cost()).containsEntry("total", "0.021").containsEntry("reasoning", "0.003");
		assertThat(descriptor.models()).containsOnlyKeys("gpt-4o-2024-08-06", "mystery-model");
		assertThat(descriptor.models().get("gpt-4o-2024-08-06").cost()).containsEntry("cachedInput", "0.0015");
		assertThat(descriptor.unpricedModels()).containsExactly("mystery-model");
		// unpriced is not free: no cost at all, rather than a cost of 0
		assertThat(descriptor.models().get("mystery-model").cost()).isNull();
		assertThat(descriptor.models().get("mystery-model").tokens()).containsEntry("input", 10L);
		assertThat(descriptor.pricesInUse()).containsOnlyKeys("gpt-4o-2024-08-06");
		assertThat(descriptor.pricesInUse().get("gpt-4o-2024-08-06").match()).isEqualTo("normalized");
	}

	@Test
	void shouldShowPricesPerMillionTokensWithTheirSourcesAndCatalogs() {
		LlmCostDescriptor descriptor = endpoint(null).llmCost();
		assertThat(descriptor.configuredPrices()).containsOnlyKeys("gpt-4o");
		LlmCostEndpoint.PriceDescriptor price = descriptor.configuredPrices().get("gpt-4o");
		assertThat(price.source()).isEqualTo("property");
		assertThat(price.perMillionTokens()).containsEntry("input", "2.5")
			.containsEntry("cachedInput", "1.25")
			.containsEntry("reasoning", "10");
		assertThat(price.tiers()).singleElement().satisfies((tier) -> {
			assertThat(tier.aboveInputTokens()).isEqualTo(200_000);
			assertThat(tier.perMillionTokens()).containsEntry("input", "5");
		});
		assertThat(descriptor.catalogs()).extracting(LlmCostEndpoint.CatalogDescriptor::source)
			.containsExactly("property", "builtin");
	}

	@Test
	void shouldShowEveryBillingDimensionOfAPrice() {
		LlmCostEndpoint.PriceDescriptor price = endpoint(null).llmCost().configuredPrices().get("gpt-4o");
		List<String> tokenDimensions = BillingDimension.tokens().stream().map(BillingDimension::jsonName).toList();
		assertThat(price.perMillionTokens()).containsOnlyKeys(tokenDimensions)
			.containsEntry("cacheWrite", "2.5")
			.containsEntry("cacheWrite1h", "2.5");
		assertThat(price.perUnit()).containsOnlyKeys("request").containsEntry("request", "0");
		assertThat(price.perImage()).isEqualTo("0");
		assertThat(price.tiers().get(0).perMillionTokens()).containsOnlyKeys(tokenDimensions);
	}

	@Test
	void shouldShowThePriceCallsWereChargedAtForFreeProvidersAndImages() {
		record(this.pricer.priceTokens(Usages.tokens(1000, 0, 0, 500, 0), "deepseek-r1", "deepseek-r1", "ollama"),
				"deepseek-r1", Usages.tokens(1000, 0, 0, 500, 0));
		record(this.pricer.priceImages(1, List.of("hd/1024-x-1792/dall-e-3", "dall-e-3"), "dall-e-3", "openai"),
				"dall-e-3", null);
		LlmCostDescriptor descriptor = endpoint(null).llmCost();
		assertThat(descriptor.pricesInUse().get("deepseek-r1")).satisfies((price) -> {
			assertThat(price.source()).isEqualTo("free-provider");
			assertThat(price.perMillionTokens()).containsEntry("input", "0").containsEntry("output", "0");
		});
		assertThat(descriptor.models().get("deepseek-r1").cost()).containsEntry("total", "0");
		assertThat(descriptor.pricesInUse().get("dall-e-3")).satisfies((price) -> {
			assertThat(price.entry()).isEqualTo("hd/1024-x-1792/dall-e-3");
			assertThat(price.perImage()).isEqualTo("0.11999");
		});
		assertThat(descriptor.models().get("dall-e-3").cost()).containsEntry("request", "0.11999")
			.containsEntry("total", "0.11999");
	}

	@Test
	void shouldExplainHowAModelNameResolves() {
		ModelResolutionDescriptor prefixed = endpoint(null).model("us.anthropic.claude-sonnet-4-20250514-v1:0");
		assertThat(prefixed.priced()).isTrue();
		assertThat(prefixed.normalized()).isEqualTo("claude-sonnet-4");
		assertThat(prefixed.price().entry()).isEqualTo("claude-sonnet-4-20250514");
		assertThat(prefixed.price().source()).isEqualTo("builtin");
		assertThat(prefixed.explanation()).isEqualTo("'us.anthropic.claude-sonnet-4-20250514-v1:0' matched entry"
				+ " 'claude-sonnet-4-20250514' of source 'builtin' by its normalized name 'claude-sonnet-4'");
		assertThat(endpoint(null).model("openai", "gpt-4o").model()).isEqualTo("openai/gpt-4o");
		ModelResolutionDescriptor unknown = endpoint(null).model("mystery-model");
		assertThat(unknown.priced()).isFalse();
		assertThat(unknown.price()).isNull();
		assertThat(unknown.searched()).containsExactly("property (llm-cost.pricing.models)", "builtin (bundled)");
		assertThat(unknown.explanation()).startsWith("No entry prices 'mystery-model'");
	}

	@Test
	void shouldShowBudgetsAndTheirBalances() {
		Budget daily = new Budget("daily", new BigDecimal("5"), BudgetPeriod.DAY, ZoneOffset.UTC, null, List.of(), true,
				List.of(0.8));
		Budget perUser = new Budget("per-user", BigDecimal.ONE, BudgetPeriod.MONTH, ZoneOffset.UTC, "user", List.of(),
				true, List.of());
		BudgetGuard guard = BudgetGuard
			.builder(new InMemoryBudgetStore(), new CallCostEstimator(this.resolver, new LlmCostCalculator(USD), 1000))
			.budgets(List.of(daily, perUser))
			.build();
		guard.reserve(new Prompt("Hi"), "gpt-4o", Map.of());
		LlmCostDescriptor descriptor = endpoint(guard).llmCost();
		assertThat(descriptor.budgets()).hasSize(2);
		assertThat(descriptor.budgets().get(0)).satisfies((budget) -> {
			assertThat(budget.name()).isEqualTo("daily");
			assertThat(budget.amount()).isEqualTo("5");
			assertThat(budget.period()).isEqualTo("day");
			assertThat(budget.spent()).isEqualTo("0");
			assertThat(new BigDecimal(budget.reserved())).isPositive();
		});
		assertThat(descriptor.budgets().get(1)).satisfies((budget) -> {
			assertThat(budget.perTag()).isEqualTo("user");
			assertThat(budget.spent()).isNull();
		});
	}

	private LlmCostEndpoint endpoint(BudgetGuard guard) {
		return new LlmCostEndpoint(this.totals, this.resolver, guard, null, USD);
	}

	private void observe(String requestModel, String responseModel, TokenUsage usage) {
		ResolvedPrice price = this.resolver.resolve(responseModel, requestModel);
		this.totals
			.onPricedCall(new PricedCall("chat", "openai", requestModel, responseModel, USD, false, Attribution.NONE,
					usage, price, (price != null) ? new LlmCostCalculator(USD).calculate(usage, price.price()) : null,
					UsageSource.REPORTED, false));
	}

	private void record(CallPricer.@Nullable Charge charge, String model, @Nullable TokenUsage usage) {
		assertThat(charge).isNotNull();
		this.totals.onPricedCall(new PricedCall("chat", "test", model, model, USD, false, Attribution.NONE, usage,
				charge.price(), charge.cost(), UsageSource.REPORTED, false));
	}

}
