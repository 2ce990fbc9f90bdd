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

package io.github.llmcost.recording;

import java.util.List;

import io.github.llmcost.budget.BudgetReservation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.Assert;

/**
 * The one place that every priced model call goes through, whichever component priced it
 * (the advisor, or a handler of Spring AI's model observations): it settles the call's
 * budget reservation with the call's cost, then hands the call to every
 * {@link PricedCallListener}. Because state that features depend on is fed here and not
 * by observation handlers, turning the {@code llm.call} observation off turns no feature
 * off. A failure of settlement or of a listener is logged and never reaches the caller.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LlmCostRecorder {

	private static final Log logger = LogFactory.getLog(LlmCostRecorder.class);

	private final PricedCallListener[] listeners;

	/**
	 * Create a recorder that feeds the given listeners, in order.
	 * @param listeners the listeners
	 */
	public LlmCostRecorder(List<? extends PricedCallListener> listeners) {
		Assert.noNullElements(listeners, "listeners must not contain null");
		this.listeners = listeners.toArray(new PricedCallListener[0]);
	}

	/**
	 * Return a recorder that only settles reservations.
	 * @return a recorder without listeners
	 */
	public static LlmCostRecorder withoutListeners() {
		return new LlmCostRecorder(List.of());
	}

	/**
	 * Record a priced call: settle its reservation with its cost, then feed every
	 * listener.
	 * @param call the call
	 * @param reservation the call's budget reservation, {@link BudgetReservation#NONE} if
	 * it has none
	 */
	public void record(PricedCall call, BudgetReservation reservation) {
		try {
			reservation.settle(call.cost());
		}
		catch (RuntimeException ex) {
			logger.warn("Failed to settle an LLM call against its budgets; the call is not affected", ex);
		}
		for (PricedCallListener listener : this.listeners) {
			try {
				listener.onPricedCall(call);
			}
			catch (RuntimeException ex) {
				logger.warn("Failed to record an LLM call in " + listener.getClass().getName()
						+ "; the call is not affected", ex);
			}
		}
	}

}
