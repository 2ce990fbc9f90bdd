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
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.llmcost.actuate.LlmCostTotals.Totals;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetBalance;
import io.github.llmcost.budget.BudgetForecasts;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.pricing.CatalogModelPriceResolver;
import io.github.llmcost.pricing.ModelNames;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ModelPriceResolver;
import io.github.llmcost.pricing.PriceCatalog;
import io.github.llmcost.pricing.PriceEntry;
import io.github.llmcost.pricing.ResolvedPrice;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.Selector.Match;

/**
 * The {@code llmcost} actuator endpoint. {@code GET /actuator/llmcost} shows the spend
 * since start, overall and by model, the models seen without a price, the budgets and
 * their balances, and the price entries configured or in use with their sources;
 * {@code GET /actuator/llmcost/{model}} explains how a model name resolves to a price.
 * Amounts are strings of exact decimals, token prices per million tokens.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@Endpoint(id = "llmcost")
public class LlmCostEndpoint {

	private static final int PER_MILLION = 6;

	private static final String TOTAL = "total";

	private final LlmCostTotals totals;

	private final ModelPriceResolver priceResolver;

	private final @Nullable BudgetGuard budgetGuard;

	private final @Nullable BudgetForecasts forecasts;

	private final Currency currency;

	/**
	 * Create the endpoint.
	 * @param totals the totals since start
	 * @param priceResolver the resolver of model prices
	 * @param budgetGuard the budgets, if any
	 * @param forecasts the forecasts of the budgets, if any
	 * @param currency the currency of every amount
	 */
	public LlmCostEndpoint(LlmCostTotals totals, ModelPriceResolver priceResolver, @Nullable BudgetGuard budgetGuard,
			@Nullable BudgetForecasts forecasts, Currency currency) {
		this.totals = totals;
		this.priceResolver = priceResolver;
		this.budgetGuard = budgetGuard;
		this.forecasts = forecasts;
		this.currency = currency;
	}

	/**
	 * Describe spend, budgets and prices.
	 * @return the description
	 */
	@ReadOperation
	public LlmCostDescriptor llmCost() {
		Map<String, SpendDescriptor> byModel = new LinkedHashMap<>();
		Map<String, PriceDescriptor> pricesInUse = new LinkedHashMap<>();
		this.totals.getByModel().forEach((model, totals) -> {
			byModel.put(model, spend(totals));
			// the price the calls were charged at: that of a free provider or of an image
			// size, which the model name alone does not resolve to
			ResolvedPrice price = (totals.price() != null) ? totals.price() : this.priceResolver.resolve(model);
			if (price != null) {
				pricesInUse.put(model, price(price));
			}
		});
		return new LlmCostDescriptor(this.currency.getCurrencyCode(), this.totals.getSince(),
				spend(this.totals.getTotal()), byModel, List.copyOf(this.totals.getUnpricedModels()), budgets(),
				configuredPrices(), pricesInUse, catalogs());
	}

	/**
	 * Explain how a model name resolves to a price.
	 * @param model the model name, which may contain slashes such as
	 * {@code openai/gpt-4o}
	 * @return the explanation
	 */
	@ReadOperation
	public ModelResolutionDescriptor model(@Selector(match = Match.ALL_REMAINING) String... model) {
		String name = String.join("/", model);
		String normalized = ModelNames.normalize(name);
		ResolvedPrice price = this.priceResolver.resolve(name);
		List<String> searched = catalogs().stream()
			.map((catalog) -> catalog.source() + " (" + catalog.description() + ")")
			.toList();
		if (price == null) {
			return new ModelResolutionDescriptor(name, normalized, false, null, searched,
					"No entry prices '%s' (normalized '%s'): its calls are recorded with llm.priced=false and no cost"
						.formatted(name, normalized));
		}
		String how = switch (price.match()) {
			case EXACT -> "its exact name";
			case NORMALIZED -> "its normalized name '%s'".formatted(normalized);
			case ALIAS -> "an alias or pattern";
			case PROVIDER -> "its provider, which is free";
		};
		return new ModelResolutionDescriptor(name, normalized, true, price(price), searched,
				"'%s' matched entry '%s' of source '%s' by %s".formatted(name, price.entry(), price.source(), how));
	}

	private List<BudgetDescriptor> budgets() {
		if (this.budgetGuard == null) {
			return List.of();
		}
		List<BudgetDescriptor> budgets = new ArrayList<>();
		for (Budget budget : this.budgetGuard.getBudgets()) {
			BudgetBalance balance = (budget.perTag() == null) ? this.budgetGuard.balance(budget) : null;
			BigDecimal forecast = (this.forecasts != null && budget.perTag() == null) ? this.forecasts.forecast(budget)
					: null;
			budgets.add(new BudgetDescriptor(budget.name(), plain(budget.amount()),
					budget.period().name().toLowerCase(Locale.ROOT), budget.zone().getId(), budget.perTag(),
					budget.models(), budget.enforce(), budget.alertThresholds(),
					(balance != null) ? balance.claim().key() : null, (balance != null) ? plain(balance.spent()) : null,
					(balance != null) ? plain(balance.reserved()) : null,
					(forecast != null) ? plain(forecast.setScale(6, RoundingMode.HALF_UP)) : null));
		}
		return budgets;
	}

	private Map<String, PriceDescriptor> configuredPrices() {
		Map<String, PriceDescriptor> prices = new LinkedHashMap<>();
		for (PriceCatalog catalog : catalogList()) {
			if (ResolvedPrice.SOURCE_PROPERTY.equals(catalog.getSource())) {
				for (PriceEntry entry : catalog.getEntries()) {
					prices.put(entry.name(),
							price(new ResolvedPrice(entry.name(), catalog.getSource(), entry.price())));
				}
			}
		}
		return prices;
	}

	private List<CatalogDescriptor> catalogs() {
		return catalogList().stream()
			.map((catalog) -> new CatalogDescriptor(catalog.getSource(), catalog.getDescription(),
					catalog.getEntries().size()))
			.toList();
	}

	private List<PriceCatalog> catalogList() {
		return (this.priceResolver instanceof CatalogModelPriceResolver catalogs) ? catalogs.getCatalogs() : List.of();
	}

	private static SpendDescriptor spend(Totals totals) {
		Map<String, Long> tokens = new LinkedHashMap<>();
		for (BillingDimension dimension : BillingDimension.tokens()) {
			tokens.put(dimension.jsonName(), totals.tokens().get(dimension));
		}
		LlmCost cost = totals.cost();
		Map<String, String> costs = null;
		if (cost != null) {
			costs = new LinkedHashMap<>();
			for (BillingDimension dimension : BillingDimension.values()) {
				costs.put(dimension.jsonName(), plain(cost.get(dimension)));
			}
			costs.put(TOTAL, plain(cost.total()));
		}
		return new SpendDescriptor(totals.calls(), totals.unpricedCalls(), totals.estimatedCalls(),
				plain(totals.estimatedCost()), tokens, costs);
	}

	private static PriceDescriptor price(ResolvedPrice resolved) {
		ModelPrice price = resolved.price();
		List<TierDescriptor> tiers = price.tiers()
			.stream()
			.map((tier) -> new TierDescriptor(tier.aboveInputTokens(), perMillionTokens(tier.price()),
					perUnit(tier.price())))
			.toList();
		return new PriceDescriptor(resolved.entry(), resolved.source(), resolved.match().value(),
				perMillionTokens(price), perUnit(price), plain(price.perImage()), tiers);
	}

	private static Map<String, String> perMillionTokens(ModelPrice price) {
		Map<String, String> prices = new LinkedHashMap<>();
		for (BillingDimension dimension : BillingDimension.tokens()) {
			prices.put(dimension.jsonName(), perMillion(price.get(dimension)));
		}
		return prices;
	}

	private static Map<String, String> perUnit(ModelPrice price) {
		Map<String, String> prices = new LinkedHashMap<>();
		for (BillingDimension dimension : BillingDimension.values()) {
			if (!dimension.isToken()) {
				prices.put(dimension.jsonName(), plain(price.get(dimension)));
			}
		}
		return prices;
	}

	private static String perMillion(BigDecimal perToken) {
		return plain(perToken.movePointRight(PER_MILLION));
	}

	private static String plain(BigDecimal amount) {
		return (amount.signum() == 0) ? "0" : amount.stripTrailingZeros().toPlainString();
	}

	/**
	 * Spend, budgets and prices.
	 *
	 * @param currency the currency of every amount
	 * @param since when the totals started
	 * @param total the spend of every call
	 * @param models the spend by model
	 * @param unpricedModels the models seen without a price
	 * @param budgets the budgets
	 * @param configuredPrices the entries of llm-cost.pricing.models
	 * @param pricesInUse the prices of the models seen
	 * @param catalogs the catalogs of prices, in order of precedence
	 */
	public record LlmCostDescriptor(String currency, Instant since, SpendDescriptor total,
			Map<String, SpendDescriptor> models, List<String> unpricedModels, List<BudgetDescriptor> budgets,
			Map<String, PriceDescriptor> configuredPrices, Map<String, PriceDescriptor> pricesInUse,
			List<CatalogDescriptor> catalogs) {

	}

	/**
	 * Spend of some calls.
	 *
	 * @param calls calls with reported usage
	 * @param unpricedCalls those of them without a price
	 * @param estimatedCalls those of them whose usage llm-cost estimated, because the
	 * call (a stream) ended without usage
	 * @param estimatedCost the part of the cost that comes from estimated usage
	 * @param tokens tokens by billing dimension, for example {@code cachedInput}
	 * @param cost cost by billing dimension and its {@code total}, as exact decimals, or
	 * {@code null} if no call was priced
	 */
	public record SpendDescriptor(long calls, long unpricedCalls, long estimatedCalls, String estimatedCost,
			Map<String, Long> tokens, @Nullable Map<String, String> cost) {

	}

	/**
	 * A budget and, for a budget without per-tag split, its balance in the current
	 * period.
	 *
	 * @param name the budget's name
	 * @param amount the amount per period
	 * @param period the period
	 * @param zone the zone of the period's calendar
	 * @param perTag the tag that splits the budget, if any
	 * @param models the models counted, all when empty
	 * @param enforce whether calls are rejected
	 * @param alertThresholds the alert thresholds
	 * @param key the key of the current period, if not split by tag
	 * @param spent the amount spent in the current period, if not split by tag
	 * @param reserved the amount reserved by running calls, if not split by tag
	 * @param forecast the spend projected at the end of the period at the recent rate, if
	 * known
	 */
	public record BudgetDescriptor(String name, String amount, String period, String zone, @Nullable String perTag,
			List<String> models, boolean enforce, List<Double> alertThresholds, @Nullable String key,
			@Nullable String spent, @Nullable String reserved, @Nullable String forecast) {

	}

	/**
	 * A price entry.
	 *
	 * @param entry the entry's name
	 * @param source where the entry comes from: property, file, builtin or free-provider
	 * @param match how the model name matched the entry
	 * @param perMillionTokens the price of each token dimension, per million tokens
	 * @param perUnit the price of each dimension that is not tokens, per unit, such as
	 * {@code request}, the fee per call
	 * @param perImage the price of one generated image
	 * @param tiers the tiers
	 */
	public record PriceDescriptor(String entry, String source, String match, Map<String, String> perMillionTokens,
			Map<String, String> perUnit, String perImage, List<TierDescriptor> tiers) {

	}

	/**
	 * A price tier.
	 *
	 * @param aboveInputTokens the prompt tokens above which the tier applies
	 * @param perMillionTokens the tier's token prices, per million tokens
	 * @param perUnit the tier's prices of the dimensions that are not tokens
	 */
	public record TierDescriptor(long aboveInputTokens, Map<String, String> perMillionTokens,
			Map<String, String> perUnit) {

	}

	/**
	 * A catalog of prices.
	 *
	 * @param source the source of its entries
	 * @param description where its entries come from
	 * @param entries the number of its entries
	 */
	public record CatalogDescriptor(String source, String description, int entries) {

	}

	/**
	 * How a model name resolves.
	 *
	 * @param model the model name
	 * @param normalized the normalized name
	 * @param priced whether the name resolves to a price
	 * @param price the price it resolves to, if any
	 * @param searched the catalogs searched, in order
	 * @param explanation why the name got this price, or none
	 */
	public record ModelResolutionDescriptor(String model, String normalized, boolean priced,
			@Nullable PriceDescriptor price, List<String> searched, String explanation) {

	}

}
