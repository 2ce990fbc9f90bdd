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

import org.springframework.context.ApplicationEvent;

/**
 * Published when a budget's spending first crosses one of its alert thresholds in a
 * period: once per budget key, period and threshold, across every instance sharing the
 * budget store.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmBudgetThresholdEvent extends ApplicationEvent {

	private final String budget;

	private final String key;

	private final double threshold;

	private final BigDecimal spent;

	private final BigDecimal limit;

	/**
	 * Create a new event.
	 * @param source the object that published the event
	 * @param budget the name of the budget
	 * @param key the budget key, which names the period and, for a per-tag budget, the
	 * tag value
	 * @param threshold the fraction of the amount that was crossed, for example 0.8
	 * @param spent the amount spent
	 * @param limit the budget's amount
	 */
	public LlmBudgetThresholdEvent(Object source, String budget, String key, double threshold, BigDecimal spent,
			BigDecimal limit) {
		super(source);
		this.budget = budget;
		this.key = key;
		this.threshold = threshold;
		this.spent = spent;
		this.limit = limit;
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
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the threshold that was crossed.
	 * @return the fraction of the amount, in (0, 1]
	 */
	public double getThreshold() {
		return this.threshold;
	}

	/**
	 * Return the amount spent when the threshold was crossed.
	 * @return the amount spent
	 */
	public BigDecimal getSpent() {
		return this.spent;
	}

	/**
	 * Return the budget's amount.
	 * @return the limit
	 */
	public BigDecimal getLimit() {
		return this.limit;
	}

}
