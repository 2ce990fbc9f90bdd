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
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Keeps what budgets have spent and reserved. Implementations must make {@link #reserve
 * reserve} atomic over all the claims of a call, so that concurrent calls, in one JVM or
 * many, cannot together overshoot an enforced budget by more than their estimates allow.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public interface BudgetStore {

	/**
	 * Reserve an amount against every claim, all or none. An enforced claim takes the
	 * reservation only if its spent and reserved amounts plus the amount stay within its
	 * budget's amount; a claim that is not enforced always takes it. Reservations not
	 * settled before they expire are released.
	 * @param claims the claims of the call
	 * @param reservationId a unique id of the reservation
	 * @param amount the amount to reserve
	 * @param expiresAt when an unsettled reservation is released
	 * @return {@code null} if every claim took the reservation, otherwise the balance of
	 * the first enforced claim that refused it
	 */
	@Nullable BudgetBalance reserve(List<BudgetClaim> claims, String reservationId, BigDecimal amount, Instant expiresAt);

	/**
	 * Release a reservation and add the actual cost of the call to every claim.
	 * @param claims the claims of the call, as reserved
	 * @param reservationId the id of the reservation
	 * @param reserved the amount that was reserved
	 * @param actual the actual cost of the call
	 * @return the alert thresholds that this settlement crossed first, across every
	 * instance sharing the store
	 */
	List<CrossedThreshold> settle(List<BudgetClaim> claims, String reservationId, BigDecimal reserved,
			BigDecimal actual);

	/**
	 * Return the balance of one budget key.
	 * @param claim the budget key
	 * @return its balance
	 */
	BudgetBalance balance(BudgetClaim claim);

	/**
	 * Return whether the calls of this store block their thread, waiting for a server or
	 * the disk. A stream reserves and settles against a blocking store on Reactor's
	 * bounded elastic scheduler, never on the thread its signals come on, which may be
	 * one that must not block.
	 * @return {@code true} unless the implementation says otherwise
	 */
	default boolean isBlocking() {
		return true;
	}

	/**
	 * An alert threshold crossed by a settlement.
	 *
	 * @param claim the budget key
	 * @param threshold the fraction of the amount that was crossed
	 * @param spent the amount spent after the settlement
	 */
	record CrossedThreshold(BudgetClaim claim, double threshold, BigDecimal spent) {

	}

}
