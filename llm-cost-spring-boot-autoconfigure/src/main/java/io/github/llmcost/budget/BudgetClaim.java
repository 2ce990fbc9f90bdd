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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One budget as it applies to one call: the budget, and the key under which its spending
 * in the current period (and, for a per-tag budget, for the call's tag value) is kept.
 *
 * @param key the store key, for example {@code daily-total:2026-11-28} or
 * {@code per-user:alice:2026-11-28}
 * @param budget the budget
 * @param periodEnd when the period ends, or {@code null} for a budget without period
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record BudgetClaim(String key, Budget budget, @Nullable Instant periodEnd) {

	/**
	 * Create a new {@link BudgetClaim}.
	 */
	public BudgetClaim {
		Assert.hasText(key, "key must not be empty");
		Assert.notNull(budget, "budget must not be null");
	}

}
