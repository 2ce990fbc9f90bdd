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

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;

/**
 * {@link UsageNormalizer} for providers without a normalizer of their own. It reads the
 * provider-neutral fields of Spring AI's {@link Usage} and assumes, as OpenAI-compatible
 * APIs do, that prompt tokens include the cache reads and writes reported beside them;
 * reasoning tokens, when not reported separately, count as output.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class DefaultUsageNormalizer implements UsageNormalizer {

	@Override
	public boolean supports(Usage usage) {
		return true;
	}

	@Override
	public TokenUsage normalize(Usage usage) {
		long cachedInput = orZero(usage.getCacheReadInputTokens());
		long cacheWrite = orZero(usage.getCacheWriteInputTokens());
		long prompt = orZero(usage.getPromptTokens());
		long input = Math.max(0, prompt - cachedInput - cacheWrite);
		return new TokenUsage(input, cachedInput, cacheWrite, orZero(usage.getCompletionTokens()), 0);
	}

	static long orZero(@Nullable Number number) {
		return (number != null) ? Math.max(0, number.longValue()) : 0;
	}

}
