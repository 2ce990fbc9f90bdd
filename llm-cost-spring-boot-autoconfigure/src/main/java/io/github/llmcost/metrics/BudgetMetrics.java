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

import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetBalance;
import io.github.llmcost.budget.BudgetForecasts;
import io.github.llmcost.budget.BudgetGuard;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Binds the budget meters: {@code llm.budget.spent}, {@code llm.budget.limit} and, with
 * forecasts, {@code llm.budget.forecast} gauges for every budget without per-tag split,
 * tagged with {@code budget} and {@code currency}, and the
 * {@code llm.budget.store.failures} counter.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class BudgetMetrics implements MeterBinder {

	private static final String BUDGET = LlmCostMeters.BudgetKeyNames.BUDGET.asString();

	private static final String CURRENCY = LlmCostMeters.BudgetKeyNames.CURRENCY.asString();

	private final BudgetGuard guard;

	private final Currency currency;

	private final @Nullable BudgetForecasts forecasts;

	/**
	 * Create the binder.
	 * @param guard the guard whose budgets to report
	 * @param currency the currency of the budgets
	 * @param forecasts the forecasts of the budgets, if any
	 */
	public BudgetMetrics(BudgetGuard guard, Currency currency, @Nullable BudgetForecasts forecasts) {
		this.guard = guard;
		this.currency = currency;
		this.forecasts = forecasts;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		String code = this.currency.getCurrencyCode();
		for (Budget budget : this.guard.getBudgets()) {
			if (budget.perTag() != null) {
				continue;
			}
			Gauge.builder(LlmCostMeters.BUDGET_SPENT.getName(), this.guard, (guard) -> spent(guard, budget))
				.description("Amount spent by an LLM budget in its current period")
				.baseUnit(code)
				.tag(BUDGET, budget.name())
				.tag(CURRENCY, code)
				.strongReference(true)
				.register(registry);
			if (this.forecasts != null) {
				BudgetForecasts forecasts = this.forecasts;
				Gauge
					.builder(LlmCostMeters.BUDGET_FORECAST.getName(), budget,
							(forecast) -> forecast(forecasts, forecast))
					.description("Projected spend of an LLM budget at the end of its period, at its recent rate")
					.baseUnit(code)
					.tag(BUDGET, budget.name())
					.tag(CURRENCY, code)
					.strongReference(true)
					.register(registry);
			}
			Gauge.builder(LlmCostMeters.BUDGET_LIMIT.getName(), budget, (limited) -> limited.amount().doubleValue())
				.description("Amount of an LLM budget per period")
				.baseUnit(code)
				.tag(BUDGET, budget.name())
				.tag(CURRENCY, code)
				.strongReference(true)
				.register(registry);
		}
		FunctionCounter
			.builder(LlmCostMeters.BUDGET_STORE_FAILURES.getName(), this.guard, BudgetGuard::getStoreFailures)
			.description("Failures of the LLM budget store")
			.register(registry);
	}

	private static double forecast(BudgetForecasts forecasts, Budget budget) {
		BigDecimal forecast = forecasts.forecast(budget);
		return (forecast != null) ? forecast.doubleValue() : Double.NaN;
	}

	private static double spent(BudgetGuard guard, Budget budget) {
		BudgetBalance balance = guard.balance(budget);
		return (balance != null) ? balance.spent().doubleValue() : Double.NaN;
	}

}
