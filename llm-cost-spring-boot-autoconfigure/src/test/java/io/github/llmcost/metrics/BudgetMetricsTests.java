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
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetPeriod;
import io.github.llmcost.budget.CallCostEstimator;
import io.github.llmcost.budget.InMemoryBudgetStore;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BudgetMetrics}.
 *
 * @author llm-cost contributors
 */
class BudgetMetricsTests {

	private static final ModelPrice FLAT_FEE = ModelPrice.builder()
		.input(BigDecimal.ZERO)
		.output(BigDecimal.ZERO)
		.price(BillingDimension.REQUEST, new BigDecimal("0.25"))
		.build();

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void shouldGaugeSpentAndLimitOfBudgetsWithoutPerTagSplit() {
		Budget daily = new Budget("daily", new BigDecimal("10"), BudgetPeriod.DAY, ZoneOffset.UTC, null, List.of(),
				true, List.of());
		Budget perUser = new Budget("per-user", new BigDecimal("1"), BudgetPeriod.DAY, ZoneOffset.UTC, "user",
				List.of(), true, List.of());
		BudgetGuard guard = BudgetGuard
			.builder(new InMemoryBudgetStore(),
					new CallCostEstimator((model) -> new ResolvedPrice("flat", "test", FLAT_FEE),
							new LlmCostCalculator(Currency.getInstance("EUR")), 100))
			.budgets(List.of(daily, perUser))
			.build();
		new BudgetMetrics(guard, Currency.getInstance("EUR"), (budget) -> new BigDecimal("42")).bindTo(this.registry);
		guard.reserve(new Prompt("Hi"), "flat", Map.of("user", "alice"))
			.settle(io.github.llmcost.cost.LlmCost.of(Currency.getInstance("EUR"),
					Map.of(BillingDimension.REQUEST, new BigDecimal("0.25")), "base"));
		Gauge spent = this.registry.get("llm.budget.spent").tag("budget", "daily").gauge();
		assertThat(spent.value()).isEqualTo(0.25);
		assertThat(spent.getId().getBaseUnit()).isEqualTo("EUR");
		assertThat(spent.getId().getTag("currency")).isEqualTo("EUR");
		assertThat(this.registry.get("llm.budget.limit").tag("budget", "daily").gauge().value()).isEqualTo(10);
		assertThat(this.registry.get("llm.budget.forecast").tag("budget", "daily").gauge().value()).isEqualTo(42);
		assertThat(this.registry.find("llm.budget.spent").tag("budget", "per-user").gauge()).isNull();
		assertThat(this.registry.get("llm.budget.store.failures").functionCounter().count()).isZero();
	}

}
