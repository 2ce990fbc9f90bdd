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

package io.github.llmcost.anomaly;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.llmcost.attribution.AttributionPolicy.Attribution;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.BudgetPeriod;
import io.github.llmcost.budget.CallCostEstimator;
import io.github.llmcost.budget.InMemoryBudgetStore;
import io.github.llmcost.budget.LlmBudgetForecastEvent;
import io.github.llmcost.cost.LlmCost;
import io.github.llmcost.cost.LlmCostCalculator;
import io.github.llmcost.pricing.ModelPrice;
import io.github.llmcost.pricing.ResolvedPrice;
import io.github.llmcost.recording.PricedCall;
import io.github.llmcost.testsupport.MutableClock;
import io.github.llmcost.usage.UsageSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Tests for {@link SpendMonitor}, {@link SpendRateRecorder} and the baselines, with a
 * controlled clock and synthetic traffic.
 *
 * @author llm-cost contributors
 */
class SpendMonitorTests {

	private static final Currency USD = Currency.getInstance("USD");

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private static final AnomalySettings SETTINGS = new AnomalySettings(MINUTE, 4, 3, 10, Duration.ofHours(1),
			new BigDecimal("0.01"));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T00:00:00Z"));

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final MeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final SpendRateRecorder recorder = new SpendRateRecorder();

	private final Random random = new Random(42);

	@Test
	void steadyTrafficWithNoiseShouldRaiseNothingOverADay() {
		SpendMonitor monitor = monitor(null);
		for (int minute = 0; minute < 24 * 60; minute++) {
			spend("gpt-4o", "summarize", noisy(1.00));
			spend("claude-sonnet-4-5", "search", noisy(0.30));
			tick(monitor);
		}
		assertThat(this.events).isEmpty();
		assertThat(monitor.getActiveAnomalies()).isEmpty();
	}

	@Test
	void spikeSustainedForThreeIntervalsShouldStartAndEndOneAnomaly() {
		SpendMonitor monitor = monitor(null);
		steady(monitor, 120);
		for (int minute = 0; minute < 3; minute++) {
			spend("gpt-4o", "summarize", noisy(10.00));
			tick(monitor);
		}
		assertThat(monitor.getActiveAnomalies()).containsExactly("feature=summarize", "model=gpt-4o");
		steady(monitor, 120);
		List<LlmCostAnomalyEvent> anomalies = this.events.stream()
			.map(LlmCostAnomalyEvent.class::cast)
			.filter((event) -> event.getKey().equals("feature=summarize"))
			.toList();
		assertThat(anomalies).extracting(LlmCostAnomalyEvent::getPhase)
			.containsExactly(LlmCostAnomalyEvent.Phase.STARTED, LlmCostAnomalyEvent.Phase.ENDED);
		LlmCostAnomalyEvent started = anomalies.get(0);
		assertThat(started.getObservedRate().doubleValue()).isGreaterThan(8);
		assertThat(started.getBaseline()).isCloseTo(1.00, within(0.2));
		assertThat(started.getDeviation()).isGreaterThan(4);
		assertThat(started.getSince()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
		assertThat(anomalies.get(1).getSince()).isEqualTo(started.getSince());
		assertThat(this.events).hasSize(4);
		assertThat(this.meterRegistry.get("llm.cost.anomalies")
			.tag("dimension", "model")
			.tag("value", "gpt-4o")
			.counter()
			.count()).isEqualTo(1);
		assertThat(monitor.getActiveAnomalies()).isEmpty();
	}

	@Test
	void singleIntervalBlipShouldRaiseNothing() {
		SpendMonitor monitor = monitor(null);
		steady(monitor, 120);
		spend("gpt-4o", "summarize", 10.00);
		tick(monitor);
		steady(monitor, 120);
		assertThat(this.events).isEmpty();
	}

	@Test
	void newKeyInWarmUpShouldRaiseNothing() {
		SpendMonitor monitor = monitor(null);
		steady(monitor, 60);
		for (int minute = 0; minute < 9; minute++) {
			spend("o3", "research", (minute % 3 == 0) ? 20.00 : 0.50);
			spend("gpt-4o", "summarize", noisy(1.00));
			tick(monitor);
		}
		assertThat(this.events).isEmpty();
	}

	@Test
	void tinySpendShouldNeverBeAnomalous() {
		SpendMonitor monitor = monitor(null);
		for (int minute = 0; minute < 60; minute++) {
			spend("gpt-4o-mini", "chat", 0.0001);
			tick(monitor);
		}
		for (int minute = 0; minute < 5; minute++) {
			spend("gpt-4o-mini", "chat", 0.005);
			tick(monitor);
		}
		assertThat(this.events).isEmpty();
	}

	@Test
	void steadyRateOverHalfADayShouldProjectTheEndOfDaySpend() {
		BudgetGuard guard = guard(new BigDecimal("1000"));
		SpendMonitor monitor = monitor(guard);
		for (int minute = 0; minute < 12 * 60; minute++) {
			settle(guard, "0.50");
			tick(monitor);
		}
		Budget daily = guard.getBudgets().get(0);
		// 360 spent by noon at 0.50 a minute: 720 by midnight
		assertThat(guard.balance(daily).spent()).isEqualByComparingTo("360");
		assertThat(monitor.forecast(daily).doubleValue()).isCloseTo(720, within(7.2));
		assertThat(this.events).isEmpty();
	}

	@Test
	void forecastAboveTheBudgetShouldWarnOncePerPeriod() {
		BudgetGuard guard = guard(new BigDecimal("500"));
		SpendMonitor monitor = monitor(guard);
		for (int minute = 0; minute < 24 * 60 + 60; minute++) {
			settle(guard, "0.50");
			tick(monitor);
		}
		List<LlmBudgetForecastEvent> warnings = this.events.stream().map(LlmBudgetForecastEvent.class::cast).toList();
		assertThat(warnings).hasSize(2);
		assertThat(warnings.get(0).getKey()).isEqualTo("daily:2026-11-28");
		assertThat(warnings.get(0).getForecast()).isGreaterThan(new BigDecimal("500"));
		assertThat(warnings.get(0).getLimit()).isEqualByComparingTo("500");
		assertThat(warnings.get(0).getPeriodEnd()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
		assertThat(warnings.get(1).getKey()).isEqualTo("daily:2026-11-29");
	}

	private SpendMonitor monitor(BudgetGuard guard) {
		return new SpendMonitor(this.recorder, SETTINGS, guard, USD, this.clock, this.events::add, this.meterRegistry);
	}

	private BudgetGuard guard(BigDecimal amount) {
		ModelPrice free = ModelPrice.builder().input(BigDecimal.ZERO).output(BigDecimal.ZERO).build();
		return BudgetGuard
			.builder(new InMemoryBudgetStore(this.clock),
					new CallCostEstimator((model) -> new ResolvedPrice("free", "test", free),
							new LlmCostCalculator(USD), 0))
			.budgets(List
				.of(new Budget("daily", amount, BudgetPeriod.DAY, ZoneOffset.UTC, null, List.of(), false, List.of())))
			.clock(this.clock)
			.build();
	}

	private void settle(BudgetGuard guard, String amount) {
		guard.reserve(new Prompt("Hi"), "gpt-4o", Map.of()).settle(cost(new BigDecimal(amount)));
	}

	private void steady(SpendMonitor monitor, int minutes) {
		for (int minute = 0; minute < minutes; minute++) {
			spend("gpt-4o", "summarize", noisy(1.00));
			tick(monitor);
		}
	}

	private void tick(SpendMonitor monitor) {
		this.clock.advance(MINUTE);
		monitor.tick();
	}

	private double noisy(double rate) {
		return Math.max(0, rate * (1 + 0.2 * this.random.nextGaussian()));
	}

	private void spend(String model, String feature, double amount) {
		Attribution attribution = new Attribution(Map.of("feature", feature), Map.of("feature", feature), List.of());
		ResolvedPrice price = new ResolvedPrice(model, "test",
				ModelPrice.builder().input(BigDecimal.ONE).output(BigDecimal.ONE).build());
		this.recorder.onPricedCall(new PricedCall("chat", "openai", model, null, USD, false, attribution, null, price,
				cost(new BigDecimal(amount, MathContext.DECIMAL64)), UsageSource.REPORTED, false));
	}

	private static LlmCost cost(BigDecimal amount) {
		return LlmCost.of(USD, Map.of(BillingDimension.INPUT, amount), LlmCost.BASE_TIER);
	}

}
