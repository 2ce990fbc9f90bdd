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

package io.github.llmcost.pricing;

import org.springframework.util.Assert;

/**
 * The price that a model name resolved to, with the entry and the source it came from.
 *
 * @param entry name of the price entry that matched, for example {@code gpt-4o}
 * @param source where the entry comes from: {@code property} for
 * {@code llm-cost.pricing.models}, or any name a custom {@link ModelPriceResolver} gives
 * @param price the prices of the entry
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record ResolvedPrice(String entry, String source, ModelPrice price) {

	/**
	 * Source of prices set in {@code llm-cost.pricing.models}.
	 */
	public static final String SOURCE_PROPERTY = "property";

	/**
	 * Create a new {@link ResolvedPrice}.
	 */
	public ResolvedPrice {
		Assert.hasText(entry, "entry must not be empty");
		Assert.hasText(source, "source must not be empty");
		Assert.notNull(price, "price must not be null");
	}

}
