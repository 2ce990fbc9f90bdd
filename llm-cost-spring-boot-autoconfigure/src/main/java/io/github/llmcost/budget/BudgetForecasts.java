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

import org.jspecify.annotations.Nullable;

/**
 * Projects the spend of budgets to the end of their period.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
@FunctionalInterface
public interface BudgetForecasts {

	/**
	 * Return the spend a budget without per-tag split is projected to reach at the end of
	 * its current period, from its recent rate.
	 * @param budget the budget
	 * @return the forecast, or {@code null} if none is known yet or the budget has no
	 * period end
	 */
	@Nullable BigDecimal forecast(Budget budget);

}
