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

import java.util.List;

import org.springframework.util.Assert;

/**
 * One named entry of a {@link PriceCatalog}.
 *
 * @param name the model name of the entry
 * @param price the prices of the model
 * @param aliases other names of the model, or glob patterns of names, priced by this
 * entry
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record PriceEntry(String name, ModelPrice price, List<String> aliases) {

	/**
	 * Create a new {@link PriceEntry}.
	 */
	public PriceEntry {
		Assert.hasText(name, "name must not be empty");
		Assert.notNull(price, "price must not be null");
		aliases = List.copyOf(aliases);
	}

	/**
	 * Create a new {@link PriceEntry} without aliases.
	 * @param name the model name of the entry
	 * @param price the prices of the model
	 */
	public PriceEntry(String name, ModelPrice price) {
		this(name, price, List.of());
	}

}
