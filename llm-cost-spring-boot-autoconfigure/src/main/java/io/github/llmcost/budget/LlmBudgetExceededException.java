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

/**
 * Thrown before a model call that would exceed an enforced budget, or whose estimate
 * exceeds {@code llm-cost.budget.max-cost-per-call}; no request reaches the model.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmBudgetExceededException extends RuntimeException {

	private final String budget;

	private final String key;

	private final BigDecimal limit;

	private final BigDecimal spent;

	private final BigDecimal reserved;

	private final BigDecimal estimate;

	/**
	 * Create a new exception.
	 * @param budget the name of the budget
	 * @param key the budget key, which names the period and, for a per-tag budget, the
	 * tag value
	 * @param limit the budget's amount
	 * @param spent the amount spent in the period
	 * @param reserved the amount reserved by running calls
	 * @param estimate the estimated cost of the rejected call
	 */
	public LlmBudgetExceededException(String budget, String key, BigDecimal limit, BigDecimal spent,
			BigDecimal reserved, BigDecimal estimate) {
		super("LLM budget '%s' (%s) would be exceeded: spent %s + reserved %s + estimate %s > limit %s".formatted(
				budget, key, spent.toPlainString(), reserved.toPlainString(), estimate.toPlainString(),
				limit.toPlainString()));
		this.budget = budget;
		this.key = key;
		this.limit = limit;
		this.spent = spent;
		this.reserved = reserved;
		this.estimate = estimate;
	}

	/**
	 * Return the name of the budget.
	 * @return the budget name
	 */
	public String getBudget() {
		return this.budget;
	}

	/**
	 * Return the budget key.
	 * @return the key, for example {@code per-user:alice:2026-11-28}
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the budget's amount.
	 * @return the limit
	 */
	public BigDecimal getLimit() {
		return this.limit;
	}

	/**
	 * Return the amount spent in the period when the call was rejected.
	 * @return the amount spent
	 */
	public BigDecimal getSpent() {
		return this.spent;
	}

	/**
	 * Return the amount reserved by running calls when the call was rejected.
	 * @return the amount reserved
	 */
	public BigDecimal getReserved() {
		return this.reserved;
	}

	/**
	 * Return the estimated cost of the rejected call.
	 * @return the estimate
	 */
	public BigDecimal getEstimate() {
		return this.estimate;
	}

}
