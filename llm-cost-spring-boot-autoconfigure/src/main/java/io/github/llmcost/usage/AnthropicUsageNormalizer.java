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

import com.anthropic.models.messages.CacheCreation;
import com.anthropic.models.messages.MessageDeltaUsage;
import com.anthropic.models.messages.OutputTokensDetails;
import io.github.llmcost.billing.BillingDimension;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.Usage;

/**
 * {@link UsageNormalizer} for the Anthropic Messages API. Anthropic's input tokens
 * exclude both cache reads ({@code cache_read_input_tokens}) and cache writes
 * ({@code cache_creation_input_tokens}), and its output tokens include the thinking
 * tokens of {@code output_tokens_details.thinking_tokens} when it reports them. Cache
 * writes for one hour ({@code cache_creation.ephemeral_1h_input_tokens}), which cost more
 * than five-minute ones, are told apart when the response reports them; a streamed
 * response's usage, as Spring AI builds it, has only the total of cache writes.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class AnthropicUsageNormalizer implements UsageNormalizer {

	@Override
	public boolean supports(Usage usage) {
		Object nativeUsage = usage.getNativeUsage();
		return nativeUsage instanceof com.anthropic.models.messages.Usage || nativeUsage instanceof MessageDeltaUsage;
	}

	@Override
	public TokenUsage normalize(Usage usage) {
		long reasoning = thinkingTokens(usage.getNativeUsage());
		long output = Math.max(0, DefaultUsageNormalizer.orZero(usage.getCompletionTokens()) - reasoning);
		long cacheWrite = DefaultUsageNormalizer.orZero(usage.getCacheWriteInputTokens());
		long cacheWrite1h = Math.min(cacheWrite, oneHourCacheWrites(usage.getNativeUsage()));
		return TokenUsage.builder()
			.tokens(BillingDimension.INPUT, DefaultUsageNormalizer.orZero(usage.getPromptTokens()))
			.tokens(BillingDimension.CACHED_INPUT, DefaultUsageNormalizer.orZero(usage.getCacheReadInputTokens()))
			.tokens(BillingDimension.CACHE_WRITE, cacheWrite - cacheWrite1h)
			.tokens(BillingDimension.CACHE_WRITE_1H, cacheWrite1h)
			.tokens(BillingDimension.OUTPUT, output)
			.tokens(BillingDimension.REASONING, reasoning)
			.build();
	}

	private long oneHourCacheWrites(@Nullable Object nativeUsage) {
		if (nativeUsage instanceof com.anthropic.models.messages.Usage messageUsage) {
			return messageUsage.cacheCreation().map(CacheCreation::ephemeral1hInputTokens).orElse(0L);
		}
		return 0;
	}

	private long thinkingTokens(@Nullable Object nativeUsage) {
		if (nativeUsage instanceof com.anthropic.models.messages.Usage messageUsage) {
			return messageUsage.outputTokensDetails().map(OutputTokensDetails::thinkingTokens).orElse(0L);
		}
		if (nativeUsage instanceof MessageDeltaUsage deltaUsage) {
			return deltaUsage.outputTokensDetails().map(OutputTokensDetails::thinkingTokens).orElse(0L);
		}
		return 0;
	}

}
