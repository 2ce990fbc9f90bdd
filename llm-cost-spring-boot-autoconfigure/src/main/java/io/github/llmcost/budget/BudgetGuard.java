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

package io.github.llmcost.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.github.llmcost.budget.BudgetStore.CrossedThreshold;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Holds model calls to budgets: before a call it reserves the call's estimated cost
 * against every budget that counts the call, atomically, and rejects the call if an
 * enforced budget cannot take it; after the call it settles the actual cost. Thresholds
 * crossed are announced as {@link LlmBudgetThresholdEvent events}.
 * <p>
 * When the store fails, calls go on without their budgets (fail-open, logged and counted)
 * or are rejected with {@link LlmBudgetUnavailableException} (fail-closed).
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class BudgetGuard {

	/**
	 * Budget name reported when a call's estimate exceeds the maximum cost per call.
	 */
	public static final String MAX_COST_PER_CALL = "max-cost-per-call";

	private static final Log logger = LogFactory.getLog(BudgetGuard.class);

	private static final int LOG_STORE_FAILURE_EVERY = 100;

	private final List<Budget> budgets;

	private final BudgetStore store;

	private final CallCostEstimator estimator;

	private final boolean failOpen;

	private final @Nullable BigDecimal maxCostPerCall;

	private final Duration reservationTimeout;

	private final Clock clock;

	private final @Nullable ApplicationEventPublisher eventPublisher;

	private final AtomicLong storeFailures = new AtomicLong();

	private BudgetGuard(Builder builder) {
		this.budgets = List.copyOf(builder.budgets);
		this.store = builder.store;
		this.estimator = builder.estimator;
		this.failOpen = builder.failOpen;
		this.maxCostPerCall = builder.maxCostPerCall;
		this.reservationTimeout = builder.reservationTimeout;
		this.clock = builder.clock;
		this.eventPublisher = builder.eventPublisher;
	}

	/**
	 * Start building a guard.
	 * @param store the store of budget balances
	 * @param estimator the estimator of call costs
	 * @return a new builder
	 */
	public static Builder builder(BudgetStore store, CallCostEstimator estimator) {
		return new Builder(store, estimator);
	}

	/**
	 * Return the budgets.
	 * @return the budgets
	 */
	public List<Budget> getBudgets() {
		return this.budgets;
	}

	/**
	 * Return how many times the store failed since start.
	 * @return the number of store failures
	 */
	public long getStoreFailures() {
		return this.storeFailures.get();
	}

	/**
	 * Return whether the guard has anything to check.
	 * @return {@code true} if there are budgets or a maximum cost per call
	 */
	public boolean isActive() {
		return !this.budgets.isEmpty() || this.maxCostPerCall != null;
	}

	/**
	 * Return whether reserving and settling block their thread, because the store does.
	 * @return {@code true} if the store blocks
	 * @see BudgetStore#isBlocking()
	 */
	public boolean isBlocking() {
		return this.store.isBlocking();
	}

	/**
	 * Reserve the estimated cost of a call against its budgets.
	 * @param prompt the prompt of the call
	 * @param requestModel the model named in the request
	 * @param tags the attribution tags of the call, which select per-tag budgets
	 * @return the reservation, to settle when the call ends
	 * @throws LlmBudgetExceededException if an enforced budget cannot take the call, or
	 * its estimate exceeds the maximum cost per call
	 * @throws LlmBudgetUnavailableException if the store fails and the guard fails closed
	 */
	public BudgetReservation reserve(Prompt prompt, @Nullable String requestModel, Map<String, String> tags) {
		return reserve(() -> this.estimator.estimate(prompt, requestModel), requestModel, tags);
	}

	/**
	 * Estimate what a chat call may cost: its prompt's tokens and its maximum output
	 * tokens at its model's price.
	 * @param prompt the prompt
	 * @param requestModel the model named in the request
	 * @return the estimate, zero if the model has no price
	 */
	public BigDecimal estimate(Prompt prompt, @Nullable String requestModel) {
		return this.estimator.estimate(prompt, requestModel);
	}

	/**
	 * Reserve the estimated cost of a call that has no prompt, such as an embedding or
	 * image generation call, against its budgets.
	 * @param estimate supplies the estimated cost, asked only if a budget counts the call
	 * or a maximum cost per call is set
	 * @param requestModel the model named in the request
	 * @param tags the attribution tags of the call, which select per-tag budgets
	 * @return the reservation, to settle when the call ends
	 * @throws LlmBudgetExceededException if an enforced budget cannot take the call, or
	 * its estimate exceeds the maximum cost per call
	 * @throws LlmBudgetUnavailableException if the store fails and the guard fails closed
	 */
	public BudgetReservation reserve(Supplier<BigDecimal> estimate, @Nullable String requestModel,
			Map<String, String> tags) {
		if (!isActive()) {
			return BudgetReservation.NONE;
		}
		Instant now = this.clock.instant();
		List<BudgetClaim> claims = claims(requestModel, tags, now);
		if (claims.isEmpty() && this.maxCostPerCall == null) {
			return BudgetReservation.NONE;
		}
		return reserve(claims, estimate.get(), now);
	}

	private BudgetReservation reserve(List<BudgetClaim> claims, BigDecimal estimate, Instant now) {
		if (this.maxCostPerCall != null && estimate.compareTo(this.maxCostPerCall) > 0) {
			throw new LlmBudgetExceededException(MAX_COST_PER_CALL, MAX_COST_PER_CALL, this.maxCostPerCall,
					BigDecimal.ZERO, BigDecimal.ZERO, estimate);
		}
		if (claims.isEmpty()) {
			return BudgetReservation.NONE;
		}
		// unique across instances, not secret: UUID.randomUUID() would take the lock
		// of the one SecureRandom that every thread shares
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String id = new UUID(random.nextLong(), random.nextLong()).toString();
		BudgetBalance refused;
		try {
			refused = this.store.reserve(claims, id, estimate, now.plus(this.reservationTimeout));
		}
		catch (RuntimeException ex) {
			storeFailed("reserve", ex);
			if (this.failOpen) {
				return BudgetReservation.NONE;
			}
			throw new LlmBudgetUnavailableException(
					"The LLM budget store failed and llm-cost.budget.fail-open is false: the call is rejected", ex);
		}
		if (refused != null) {
			BudgetClaim claim = refused.claim();
			throw new LlmBudgetExceededException(claim.budget().name(), claim.key(), claim.budget().amount(),
					refused.spent(), refused.reserved(), estimate);
		}
		return new BudgetReservation(this, claims, id, estimate);
	}

	void settle(BudgetReservation reservation, BigDecimal actual) {
		List<CrossedThreshold> crossed;
		try {
			crossed = this.store.settle(reservation.getClaims(), reservation.getId(), reservation.getAmount(), actual);
		}
		catch (RuntimeException ex) {
			storeFailed("settle", ex);
			return;
		}
		for (CrossedThreshold threshold : crossed) {
			Budget budget = threshold.claim().budget();
			logger.info("LLM budget '%s' (%s) crossed %s%% of %s: spent %s".formatted(budget.name(),
					threshold.claim().key(),
					BigDecimal.valueOf(threshold.threshold() * 100).stripTrailingZeros().toPlainString(),
					budget.amount().toPlainString(), threshold.spent().toPlainString()));
			if (this.eventPublisher != null) {
				this.eventPublisher.publishEvent(new LlmBudgetThresholdEvent(this, budget.name(),
						threshold.claim().key(), threshold.threshold(), threshold.spent(), budget.amount()));
			}
		}
	}

	/**
	 * Return the balance of a budget without per-tag split, in the current period.
	 * @param budget the budget
	 * @return its balance, or {@code null} if the store failed
	 */
	public @Nullable BudgetBalance balance(Budget budget) {
		Assert.isTrue(budget.perTag() == null, "A per-tag budget has one balance per tag value");
		Instant now = this.clock.instant();
		try {
			return this.store.balance(claim(budget, budget.name(), now));
		}
		catch (RuntimeException ex) {
			storeFailed("read", ex);
			return null;
		}
	}

	private List<BudgetClaim> claims(@Nullable String requestModel, Map<String, String> tags, Instant now) {
		List<BudgetClaim> claims = new ArrayList<>(this.budgets.size());
		for (Budget budget : this.budgets) {
			if (!budget.counts(requestModel)) {
				continue;
			}
			if (budget.perTag() == null) {
				claims.add(claim(budget, budget.name(), now));
			}
			else {
				String value = tags.get(budget.perTag());
				if (value != null) {
					claims.add(claim(budget, budget.name() + ":" + value, now));
				}
			}
		}
		return claims;
	}

	private BudgetClaim claim(Budget budget, String key, Instant now) {
		return new BudgetClaim(key + ":" + budget.period().idAt(now, budget.zone()), budget,
				budget.period().endAt(now, budget.zone()));
	}

	private void storeFailed(String operation, RuntimeException ex) {
		long failures = this.storeFailures.incrementAndGet();
		if (failures == 1 || failures % LOG_STORE_FAILURE_EVERY == 0) {
			String outcome = this.failOpen ? "calls go on without their budgets (fail-open)" : "calls are rejected";
			logger.warn(
					"LLM budget store failed to %s (%d failures so far): %s".formatted(operation, failures, outcome),
					(failures == 1) ? ex : null);
		}
	}

	/**
	 * Builder of a {@link BudgetGuard}.
	 */
	public static final class Builder {

		private final BudgetStore store;

		private final CallCostEstimator estimator;

		private List<Budget> budgets = List.of();

		private boolean failOpen = true;

		private @Nullable BigDecimal maxCostPerCall;

		private Duration reservationTimeout = Duration.ofMinutes(10);

		private Clock clock = Clock.systemUTC();

		private @Nullable ApplicationEventPublisher eventPublisher;

		private Builder(BudgetStore store, CallCostEstimator estimator) {
			Assert.notNull(store, "store must not be null");
			Assert.notNull(estimator, "estimator must not be null");
			this.store = store;
			this.estimator = estimator;
		}

		/**
		 * Set the budgets.
		 * @param budgets the budgets
		 * @return this builder
		 */
		public Builder budgets(List<Budget> budgets) {
			this.budgets = budgets;
			return this;
		}

		/**
		 * Set whether calls go on when the store fails.
		 * @param failOpen {@code true} (the default) to let calls through, {@code false}
		 * to reject them
		 * @return this builder
		 */
		public Builder failOpen(boolean failOpen) {
			this.failOpen = failOpen;
			return this;
		}

		/**
		 * Set the largest estimated cost a single call may have.
		 * @param maxCostPerCall the maximum, or {@code null} for none
		 * @return this builder
		 */
		public Builder maxCostPerCall(@Nullable BigDecimal maxCostPerCall) {
			this.maxCostPerCall = maxCostPerCall;
			return this;
		}

		/**
		 * Set how long a reservation that is never settled holds its amount.
		 * @param reservationTimeout the timeout
		 * @return this builder
		 */
		public Builder reservationTimeout(Duration reservationTimeout) {
			this.reservationTimeout = reservationTimeout;
			return this;
		}

		/**
		 * Set the clock that decides the current period.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Set the publisher of threshold events.
		 * @param eventPublisher the publisher, or {@code null} for none
		 * @return this builder
		 */
		public Builder eventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
			this.eventPublisher = eventPublisher;
			return this;
		}

		/**
		 * Build the guard.
		 * @return the guard
		 */
		public BudgetGuard build() {
			return new BudgetGuard(this);
		}

	}

}
