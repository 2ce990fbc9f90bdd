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
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.llmcost.cost.LlmCost;
import org.jspecify.annotations.Nullable;

/**
 * A reservation of a call's estimated cost against its budgets, to settle once with the
 * actual cost when the call ends, however it ends.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class BudgetReservation {

	/**
	 * A reservation against no budget: settling it does nothing.
	 */
	public static final BudgetReservation NONE = new BudgetReservation(null, List.of(), "none", BigDecimal.ZERO);

	private final @Nullable BudgetGuard guard;

	private final List<BudgetClaim> claims;

	private final String id;

	private final BigDecimal amount;

	private final AtomicBoolean settled = new AtomicBoolean();

	BudgetReservation(@Nullable BudgetGuard guard, List<BudgetClaim> claims, String id, BigDecimal amount) {
		this.guard = guard;
		this.claims = claims;
		this.id = id;
		this.amount = amount;
	}

	/**
	 * Return the budget keys the reservation holds.
	 * @return the claims
	 */
	public List<BudgetClaim> getClaims() {
		return this.claims;
	}

	/**
	 * Return the reserved amount.
	 * @return the estimate of the call
	 */
	public BigDecimal getAmount() {
		return this.amount;
	}

	/**
	 * Release the reservation and count the actual cost; only the first call has an
	 * effect.
	 * @param cost the cost of the call, or {@code null} if it has none (unpriced, failed
	 * or no usage reported)
	 */
	public void settle(@Nullable LlmCost cost) {
		if (this.guard != null && this.settled.compareAndSet(false, true)) {
			this.guard.settle(this, (cost != null) ? cost.total() : BigDecimal.ZERO);
		}
	}

	String getId() {
		return this.id;
	}

}
