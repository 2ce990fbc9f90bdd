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

package io.github.llmcost.usage;

import org.springframework.util.Assert;

/**
 * Tokens of one model call in disjoint buckets, each priced on its own: prompt tokens are
 * {@code input + cachedInput + cacheWrite}, completion tokens are
 * {@code output + reasoning}.
 *
 * @param input uncached input tokens
 * @param cachedInput input tokens read from the prompt cache
 * @param cacheWrite input tokens written to the prompt cache
 * @param output output tokens that are not reasoning tokens
 * @param reasoning reasoning (thinking) tokens
 * @param cacheWrite1h those of the cache writes that were written for one hour rather
 * than the default five minutes (Anthropic bills them higher); part of {@code cacheWrite}
 * @author llm-cost contributors
 * @since 0.1.0
 */
public record TokenUsage(long input, long cachedInput, long cacheWrite, long output, long reasoning,
		long cacheWrite1h) {

	/**
	 * Usage of a call that reported no tokens.
	 */
	public static final TokenUsage EMPTY = new TokenUsage(0, 0, 0, 0, 0);

	/**
	 * Create a new {@link TokenUsage}, checking that no bucket is negative.
	 */
	public TokenUsage {
		Assert.isTrue(input >= 0 && cachedInput >= 0 && cacheWrite >= 0 && output >= 0 && reasoning >= 0,
				"Token counts must not be negative");
		Assert.isTrue(cacheWrite1h >= 0 && cacheWrite1h <= cacheWrite,
				"One-hour cache writes must be part of the cache writes");
	}

	/**
	 * Create a new {@link TokenUsage} whose cache writes are all five-minute writes.
	 * @param input uncached input tokens
	 * @param cachedInput input tokens read from the prompt cache
	 * @param cacheWrite input tokens written to the prompt cache
	 * @param output output tokens that are not reasoning tokens
	 * @param reasoning reasoning (thinking) tokens
	 */
	public TokenUsage(long input, long cachedInput, long cacheWrite, long output, long reasoning) {
		this(input, cachedInput, cacheWrite, output, reasoning, 0);
	}

	/**
	 * Return all prompt tokens: uncached, cache reads and cache writes.
	 * @return the prompt tokens
	 */
	public long promptTokens() {
		return this.input + this.cachedInput + this.cacheWrite;
	}

	/**
	 * Return all completion tokens: output and reasoning.
	 * @return the completion tokens
	 */
	public long completionTokens() {
		return this.output + this.reasoning;
	}

	/**
	 * Return the prompt and completion tokens together.
	 * @return the total tokens
	 */
	public long totalTokens() {
		return promptTokens() + completionTokens();
	}

	/**
	 * Return whether no token was reported.
	 * @return {@code true} if every bucket is zero
	 */
	public boolean isEmpty() {
		return totalTokens() == 0;
	}

	/**
	 * Return the larger count of each bucket, for merging usage that a stream reports
	 * cumulatively in several chunks.
	 * @param other the other usage
	 * @return the per-bucket maximum
	 */
	public TokenUsage max(TokenUsage other) {
		long cacheWrite = Math.max(this.cacheWrite, other.cacheWrite);
		return new TokenUsage(Math.max(this.input, other.input), Math.max(this.cachedInput, other.cachedInput),
				cacheWrite, Math.max(this.output, other.output), Math.max(this.reasoning, other.reasoning),
				Math.min(cacheWrite, Math.max(this.cacheWrite1h, other.cacheWrite1h)));
	}

}
