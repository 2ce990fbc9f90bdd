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

import org.springframework.context.ApplicationEvent;

/**
 * Published when a budget's spend is first projected, from its recent rate, to exceed its
 * amount by the end of the period: an early warning before the thresholds are crossed.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class LlmBudgetForecastEvent extends ApplicationEvent {

	private final String budget;

	private final String key;

	private final BigDecimal forecast;

	private final BigDecimal limit;

	private final Instant periodEnd;

	/**
	 * Create a new event.
	 * @param source the object that published the event
	 * @param budget the name of the budget
	 * @param key the budget key of the current period
	 * @param forecast the projected spend at the end of the period
	 * @param limit the budget's amount
	 * @param periodEnd when the period ends
	 */
	public LlmBudgetForecastEvent(Object source, String budget, String key, BigDecimal forecast, BigDecimal limit,
			Instant periodEnd) {
		super(source);
		this.budget = budget;
		this.key = key;
		this.forecast = forecast;
		this.limit = limit;
		this.periodEnd = periodEnd;
	}

	/**
	 * Return the name of the budget.
	 * @return the budget name
	 */
	public String getBudget() {
		return this.budget;
	}

	/**
	 * Return the budget key of the current period.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * Return the projected spend at the end of the period.
	 * @return the forecast
	 */
	public BigDecimal getForecast() {
		return this.forecast;
	}

	/**
	 * Return the budget's amount.
	 * @return the limit
	 */
	public BigDecimal getLimit() {
		return this.limit;
	}

	/**
	 * Return when the period ends.
	 * @return the end of the period
	 */
	public Instant getPeriodEnd() {
		return this.periodEnd;
	}

}
