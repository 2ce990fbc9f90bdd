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
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import io.github.llmcost.anomaly.LlmCostAnomalyEvent.Phase;
import io.github.llmcost.anomaly.SpendBaseline.Transition;
import io.github.llmcost.budget.Budget;
import io.github.llmcost.budget.BudgetBalance;
import io.github.llmcost.budget.BudgetForecasts;
import io.github.llmcost.budget.BudgetGuard;
import io.github.llmcost.budget.LlmBudgetForecastEvent;
import io.github.llmcost.metrics.LlmCostMeters;
import io.github.llmcost.metrics.LlmCostMeters.AnomalyKeyNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Once per interval, reads the spend that {@link SpendRateRecorder} summed for each key
 * and judges it against the key's baseline, publishing an {@link LlmCostAnomalyEvent}
 * when an anomaly starts and when it ends, and counting starts in
 * {@code llm.cost.anomalies}. It also projects each budget without per-tag split to the
 * end of its period from the budget's recent spend per interval, and publishes an
 * {@link LlmBudgetForecastEvent} the first time in a period the projection exceeds the
 * budget. It never blocks a call: budgets do that.
 * <p>
 * As a {@link SmartLifecycle}, it judges on the given {@link TaskScheduler}, such as the
 * application's {@code taskScheduler}, from its start until its stop; without one, it
 * creates a scheduler of one daemon thread on start and shuts it down on stop.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class SpendMonitor implements BudgetForecasts, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(SpendMonitor.class);

	private final SpendRateRecorder recorder;

	private final AnomalySettings settings;

	private final @Nullable BudgetGuard budgetGuard;

	private final Currency currency;

	private final Clock clock;

	private final @Nullable ApplicationEventPublisher eventPublisher;

	private final @Nullable MeterRegistry meterRegistry;

	private final Map<String, Map<String, SpendBaseline>> baselines = new HashMap<>();

	private final Map<String, BudgetTrend> trends = new ConcurrentHashMap<>();

	private final @Nullable TaskScheduler taskScheduler;

	private final Object lifecycleMonitor = new Object();

	private @Nullable ThreadPoolTaskScheduler ownScheduler;

	private volatile @Nullable ScheduledFuture<?> task;

	/**
	 * Create a monitor that judges on a scheduler of its own.
	 * @param recorder the recorder of spend
	 * @param settings how anomalies are detected
	 * @param budgetGuard the budgets to forecast, if any
	 * @param currency the currency of every amount
	 * @param clock the clock
	 * @param eventPublisher the publisher of events, if any
	 * @param meterRegistry the registry of the anomaly counter, if any
	 */
	public SpendMonitor(SpendRateRecorder recorder, AnomalySettings settings, @Nullable BudgetGuard budgetGuard,
			Currency currency, Clock clock, @Nullable ApplicationEventPublisher eventPublisher,
			@Nullable MeterRegistry meterRegistry) {
		this(recorder, settings, budgetGuard, currency, clock, eventPublisher, meterRegistry, null);
	}

	/**
	 * Create a monitor.
	 * @param recorder the recorder of spend
	 * @param settings how anomalies are detected
	 * @param budgetGuard the budgets to forecast, if any
	 * @param currency the currency of every amount
	 * @param clock the clock
	 * @param eventPublisher the publisher of events, if any
	 * @param meterRegistry the registry of the anomaly counter, if any
	 * @param taskScheduler the scheduler to judge on, or {@code null} for one of the
	 * monitor's own
	 */
	public SpendMonitor(SpendRateRecorder recorder, AnomalySettings settings, @Nullable BudgetGuard budgetGuard,
			Currency currency, Clock clock, @Nullable ApplicationEventPublisher eventPublisher,
			@Nullable MeterRegistry meterRegistry, @Nullable TaskScheduler taskScheduler) {
		this.recorder = recorder;
		this.settings = settings;
		this.budgetGuard = budgetGuard;
		this.currency = currency;
		this.clock = clock;
		this.eventPublisher = eventPublisher;
		this.meterRegistry = meterRegistry;
		this.taskScheduler = taskScheduler;
	}

	/**
	 * Judge the spend of the interval that just ended. Runs once per interval on the
	 * monitor's scheduler; tests call it directly with a controlled clock.
	 */
	public synchronized void tick() {
		Instant now = this.clock.instant();
		Map<String, Map<String, BigDecimal>> spend = this.recorder.drain();
		spend.forEach((dimension, values) -> values.keySet()
			.forEach((value) -> this.baselines.computeIfAbsent(dimension, (key) -> new HashMap<>())
				.computeIfAbsent(value, (key) -> new SpendBaseline(this.settings))));
		Instant intervalStart = now.minus(this.settings.interval());
		this.baselines.forEach((dimension, values) -> values.forEach((value, baseline) -> {
			BigDecimal rate = spend.getOrDefault(dimension, Map.of()).getOrDefault(value, BigDecimal.ZERO);
			double mean = baseline.mean();
			double deviation = baseline.deviation(rate.doubleValue());
			Instant since = baseline.activeSince();
			Transition transition = baseline.observe(rate.doubleValue(), intervalStart);
			if (transition == Transition.STARTED) {
				since = baseline.activeSince();
				logger.warn("LLM spend anomaly started for %s=%s: %s %s in the last %s, %.1f standard deviations above"
					.formatted(dimension, value, rate.toPlainString(), this.currency.getCurrencyCode(),
							this.settings.interval(), deviation)
						+ " the baseline of %s, since %s".formatted(format(mean), since));
				count(dimension, value);
				publish(Phase.STARTED, dimension, value, rate, mean, deviation, since);
			}
			else if (transition == Transition.ENDED) {
				logger.info("LLM spend anomaly ended for %s=%s, which started at %s: %s %s in the last %s".formatted(
						dimension, value, since, rate.toPlainString(), this.currency.getCurrencyCode(),
						this.settings.interval()));
				publish(Phase.ENDED, dimension, value, rate, mean, deviation, since);
			}
		}));
		forecastBudgets(now);
	}

	@Override
	public @Nullable BigDecimal forecast(Budget budget) {
		BudgetTrend trend = this.trends.get(budget.name());
		return (trend != null) ? trend.forecast : null;
	}

	/**
	 * Return the keys whose spend is in an anomaly now.
	 * @return the keys, as {@code dimension=value}
	 */
	public synchronized List<String> getActiveAnomalies() {
		return this.baselines.entrySet()
			.stream()
			.flatMap((dimension) -> dimension.getValue()
				.entrySet()
				.stream()
				.filter((value) -> value.getValue().activeSince() != null)
				.map((value) -> dimension.getKey() + "=" + value.getKey()))
			.sorted()
			.toList();
	}

	private void forecastBudgets(Instant now) {
		if (this.budgetGuard == null) {
			return;
		}
		for (Budget budget : this.budgetGuard.getBudgets()) {
			if (budget.perTag() == null) {
				BudgetBalance balance = this.budgetGuard.balance(budget);
				if (balance != null) {
					forecast(budget, balance, now);
				}
			}
		}
	}

	private void forecast(Budget budget, BudgetBalance balance, Instant now) {
		Instant periodEnd = balance.claim().periodEnd();
		BudgetTrend trend = this.trends.computeIfAbsent(budget.name(), (name) -> new BudgetTrend());
		String key = balance.claim().key();
		BigDecimal spent = balance.spent();
		if (periodEnd == null) {
			trend.forecast = null;
			return;
		}
		if (trend.key != null) {
			boolean samePeriod = key.equals(trend.key);
			BigDecimal delta = samePeriod ? spent.subtract(trend.previousSpent).max(BigDecimal.ZERO) : spent;
			trend.rate = (trend.rate == null) ? delta
					: trend.rate.add(BigDecimal.valueOf(this.settings.alpha()).multiply(delta.subtract(trend.rate)),
							MathContext.DECIMAL64);
			if (!samePeriod) {
				trend.warned = false;
			}
		}
		trend.key = key;
		trend.previousSpent = spent;
		BigDecimal remainingIntervals = BigDecimal.valueOf(Math.max(0, Duration.between(now, periodEnd).toMillis()))
			.divide(BigDecimal.valueOf(this.settings.interval().toMillis()), MathContext.DECIMAL64);
		BigDecimal forecast = (trend.rate != null) ? spent.add(trend.rate.multiply(remainingIntervals)) : spent;
		trend.forecast = forecast.round(MathContext.DECIMAL64);
		if (!trend.warned && forecast.compareTo(budget.amount()) > 0) {
			trend.warned = true;
			logger.warn("LLM budget '%s' (%s) is projected to reach %s of %s by %s at its recent rate".formatted(
					budget.name(), key, forecast.setScale(2, RoundingMode.HALF_UP).toPlainString(),
					budget.amount().toPlainString(), periodEnd));
			if (this.eventPublisher != null) {
				this.eventPublisher.publishEvent(
						new LlmBudgetForecastEvent(this, budget.name(), key, forecast, budget.amount(), periodEnd));
			}
		}
	}

	private void count(String dimension, String value) {
		if (this.meterRegistry != null) {
			Counter.builder(LlmCostMeters.COST_ANOMALIES.getName())
				.description("LLM spend anomalies started")
				.tag(AnomalyKeyNames.DIMENSION.asString(), dimension)
				.tag(AnomalyKeyNames.VALUE.asString(), value)
				.register(this.meterRegistry)
				.increment();
		}
	}

	private void publish(Phase phase, String dimension, String value, BigDecimal rate, double baseline,
			double deviation, @Nullable Instant since) {
		if (this.eventPublisher != null) {
			this.eventPublisher.publishEvent(new LlmCostAnomalyEvent(this, phase, dimension, value, rate, baseline,
					deviation, (since != null) ? since : this.clock.instant(), this.settings.interval()));
		}
	}

	private static String format(double amount) {
		return BigDecimal.valueOf(amount).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.task != null) {
				return;
			}
			TaskScheduler scheduler = this.taskScheduler;
			if (scheduler == null) {
				ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
				own.setThreadNamePrefix("llm-cost-spend-monitor-");
				own.setDaemon(true);
				own.initialize();
				this.ownScheduler = own;
				scheduler = own;
			}
			Duration interval = this.settings.interval();
			this.task = scheduler.scheduleAtFixedRate(this::safeTick, scheduler.getClock().instant().plus(interval),
					interval);
		}
	}

	private void safeTick() {
		try {
			tick();
		}
		catch (RuntimeException ex) {
			logger.warn("LLM spend monitor failed; it tries again at the next interval", ex);
		}
	}

	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			ScheduledFuture<?> task = this.task;
			if (task != null) {
				// a shared scheduler's thread is not ours to interrupt
				task.cancel(false);
				this.task = null;
			}
			ThreadPoolTaskScheduler own = this.ownScheduler;
			if (own != null) {
				own.shutdown();
				this.ownScheduler = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.task != null;
	}

	/**
	 * The recent spend of one budget.
	 */
	private static final class BudgetTrend {

		private @Nullable String key;

		private BigDecimal previousSpent = BigDecimal.ZERO;

		private @Nullable BigDecimal rate;

		private volatile @Nullable BigDecimal forecast;

		private boolean warned;

	}

}
