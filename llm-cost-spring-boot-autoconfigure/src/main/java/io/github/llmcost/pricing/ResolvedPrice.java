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
 * The price that a model name resolved to, with the entry, the source it came from and
 * how the name matched it.
 *
 * @param entry name of the price entry that matched, for example {@code gpt-4o}
 * @param source where the entry comes from: {@value #SOURCE_PROPERTY},
 * {@value #SOURCE_FILE}, {@value #SOURCE_BUILTIN} or {@value #SOURCE_FREE_PROVIDER}, or
 * any name a custom {@link ModelPriceResolver} gives
 * @param price the prices of the entry
 * @param match how the model name matched the entry
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record ResolvedPrice(String entry, String source, ModelPrice price, Match match) {

	/**
	 * Source of prices set in {@code llm-cost.pricing.models}.
	 */
	public static final String SOURCE_PROPERTY = "property";

	/**
	 * Source of prices read from {@code llm-cost.pricing.catalog.location}.
	 */
	public static final String SOURCE_FILE = "file";

	/**
	 * Source of the catalog of list prices bundled with llm-cost.
	 */
	public static final String SOURCE_BUILTIN = "builtin";

	/**
	 * Source of the zero price of models of a free provider, such as local Ollama models.
	 */
	public static final String SOURCE_FREE_PROVIDER = "free-provider";

	/**
	 * Create a new {@link ResolvedPrice}.
	 */
	public ResolvedPrice {
		Assert.hasText(entry, "entry must not be empty");
		Assert.hasText(source, "source must not be empty");
		Assert.notNull(price, "price must not be null");
		Assert.notNull(match, "match must not be null");
	}

	/**
	 * Return the zero price of the models of a free provider.
	 * @param provider the provider, for example {@code ollama}
	 * @return the price
	 */
	public static ResolvedPrice free(String provider) {
		return new ResolvedPrice(provider, SOURCE_FREE_PROVIDER, ModelPrice.FREE, Match.PROVIDER);
	}

	/**
	 * Create a new {@link ResolvedPrice} for an exact match.
	 * @param entry name of the price entry
	 * @param source where the entry comes from
	 * @param price the prices of the entry
	 */
	public ResolvedPrice(String entry, String source, ModelPrice price) {
		this(entry, source, price, Match.EXACT);
	}

	/**
	 * How a model name matched a price entry.
	 */
	public enum Match {

		/**
		 * The model name equals the entry's name, ignoring case.
		 */
		EXACT("exact"),

		/**
		 * The model name without provider prefix and date suffix equals the entry's name
		 * without them.
		 */
		NORMALIZED("normalized"),

		/**
		 * The model name equals one of the entry's aliases or matches one of its
		 * patterns.
		 */
		ALIAS("alias"),

		/**
		 * The call's provider is listed as free.
		 */
		PROVIDER("provider");

		private final String value;

		Match(String value) {
			this.value = value;
		}

		/**
		 * Return the value of this match as the endpoint shows it.
		 * @return the value, for example {@code normalized}
		 */
		public String value() {
			return this.value;
		}

	}

}
