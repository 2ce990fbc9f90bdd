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

package io.github.llmcost.testsupport;

import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.usage.TokenUsage;

/**
 * Short ways to write the {@link TokenUsage} of a call in tests.
 *
 * @author llm-cost contributors
 */
public final class Usages {

	private Usages() {
	}

	/**
	 * Return a usage of the given tokens, in the order of the components that
	 * {@link TokenUsage} had as a record; the cache writes are all five-minute writes (a
	 * usage with one-hour writes sets {@link BillingDimension#CACHE_WRITE_1H} with
	 * {@link TokenUsage#builder()}).
	 * @param input uncached input tokens
	 * @param cachedInput input tokens read from the prompt cache
	 * @param cacheWrite input tokens written to the prompt cache
	 * @param output output tokens that are not reasoning tokens
	 * @param reasoning reasoning tokens
	 * @return the usage
	 */
	public static TokenUsage tokens(long input, long cachedInput, long cacheWrite, long output, long reasoning) {
		return TokenUsage.builder()
			.tokens(BillingDimension.INPUT, input)
			.tokens(BillingDimension.CACHED_INPUT, cachedInput)
			.tokens(BillingDimension.CACHE_WRITE, cacheWrite)
			.tokens(BillingDimension.OUTPUT, output)
			.tokens(BillingDimension.REASONING, reasoning)
			.build();
	}

}
