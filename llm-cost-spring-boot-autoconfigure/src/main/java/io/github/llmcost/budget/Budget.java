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
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.llmcost.pricing.GlobPattern;
import io.github.llmcost.pricing.ModelNames;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A spending limit.
 *
 * @param name the budget's name, for example {@code daily-total}
 * @param amount the limit per period, in the configured currency
 * @param period the period the amount is for
 * @param zone the zone of the period's calendar
 * @param perTag the attribution tag that splits the budget into one budget per value, for
 * example {@code user}; {@code null} for one budget
 * @param models names or glob patterns of the models the budget counts; empty for all
 * @param enforce whether to reject calls that would exceed the budget; otherwise the
 * budget only counts and alerts
 * @param alertThresholds fractions of the amount, in (0, 1], whose crossing is announced
 * with an {@link LlmBudgetThresholdEvent}
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record Budget(String name, BigDecimal amount, BudgetPeriod period, ZoneId zone, @Nullable String perTag,
		List<String> models, boolean enforce, List<Double> alertThresholds) {

	private static final Map<String, GlobPattern> PATTERNS = new ConcurrentHashMap<>();

	/**
	 * Create a new {@link Budget}.
	 */
	public Budget {
		Assert.hasText(name, "name must not be empty");
		Assert.isTrue(amount != null && amount.signum() > 0, () -> "amount of budget '" + name + "' must be positive");
		Assert.notNull(period, "period must not be null");
		Assert.notNull(zone, "zone must not be null");
		models = List.copyOf(models);
		models.stream().filter(GlobPattern::isPattern).forEach(GlobPattern::compile);
		alertThresholds = alertThresholds.stream().sorted().distinct().toList();
		for (double threshold : alertThresholds) {
			Assert.isTrue(threshold > 0 && threshold <= 1,
					() -> "alert threshold of budget '" + name + "' must be in (0, 1], was " + threshold);
		}
	}

	/**
	 * Return whether this budget counts calls to the given model.
	 * @param model the model named in the request, if known
	 * @return {@code true} if the budget has no model list or the model is on it
	 */
	public boolean counts(@Nullable String model) {
		if (this.models.isEmpty()) {
			return true;
		}
		if (model == null) {
			return false;
		}
		String name = model.toLowerCase(Locale.ROOT);
		String normalized = ModelNames.normalize(model);
		for (String candidate : this.models) {
			if (GlobPattern.isPattern(candidate)) {
				GlobPattern pattern = PATTERNS.computeIfAbsent(candidate, GlobPattern::compile);
				if (pattern.matches(name) || pattern.matches(normalized)) {
					return true;
				}
			}
			else if (candidate.equalsIgnoreCase(name) || candidate.equalsIgnoreCase(normalized)) {
				return true;
			}
		}
		return false;
	}

}
