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

import java.util.Objects;

import com.openai.core.JsonValue;
import com.openai.models.completions.CompletionUsage;
import io.github.llmcost.billing.BillingDimension;

import org.springframework.ai.chat.metadata.Usage;

/**
 * {@link UsageNormalizer} for the OpenAI chat completions API, and every provider that
 * Spring AI reaches through the OpenAI client. OpenAI's prompt tokens include the cached
 * tokens ({@code prompt_tokens_details.cached_tokens}), and its completion tokens include
 * the reasoning tokens ({@code completion_tokens_details.reasoning_tokens}), which only
 * the native usage shows; both include the audio tokens of audio models
 * ({@code prompt_tokens_details.audio_tokens},
 * {@code completion_tokens_details.audio_tokens}), which are split out as audio input and
 * output.
 * <p>
 * DeepSeek, reached through the same client, reports its cache hits as
 * {@code prompt_cache_hit_tokens} (with {@code prompt_cache_miss_tokens}, the two adding
 * up to the prompt tokens), and only in newer responses also as
 * {@code prompt_tokens_details.cached_tokens}. The OpenAI SDK keeps the former as an
 * additional property, which is read when the latter is absent.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class OpenAiUsageNormalizer implements UsageNormalizer {

	private static final String PROMPT_CACHE_HIT_TOKENS = "prompt_cache_hit_tokens";

	@Override
	public boolean supports(Usage usage) {
		return usage.getNativeUsage() instanceof CompletionUsage;
	}

	@Override
	public TokenUsage normalize(Usage usage) {
		// supports(usage) has checked the native usage
		CompletionUsage completionUsage = (CompletionUsage) Objects.requireNonNull(usage.getNativeUsage());
		long cachedInput = completionUsage.promptTokensDetails()
			.flatMap(CompletionUsage.PromptTokensDetails::cachedTokens)
			.orElseGet(() -> promptCacheHitTokens(completionUsage));
		long cacheWrite = completionUsage.promptTokensDetails()
			.flatMap(CompletionUsage.PromptTokensDetails::cacheWriteTokens)
			.orElse(0L);
		long reasoning = completionUsage.completionTokensDetails()
			.flatMap(CompletionUsage.CompletionTokensDetails::reasoningTokens)
			.orElse(0L);
		long audioInput = completionUsage.promptTokensDetails()
			.flatMap(CompletionUsage.PromptTokensDetails::audioTokens)
			.orElse(0L);
		long audioOutput = completionUsage.completionTokensDetails()
			.flatMap(CompletionUsage.CompletionTokensDetails::audioTokens)
			.orElse(0L);
		long input = Math.max(0, completionUsage.promptTokens() - cachedInput - cacheWrite - audioInput);
		long output = Math.max(0, completionUsage.completionTokens() - reasoning - audioOutput);
		return TokenUsage.builder()
			.tokens(BillingDimension.INPUT, input)
			.tokens(BillingDimension.CACHED_INPUT, cachedInput)
			.tokens(BillingDimension.CACHE_WRITE, cacheWrite)
			.tokens(BillingDimension.AUDIO_INPUT, audioInput)
			.tokens(BillingDimension.OUTPUT, output)
			.tokens(BillingDimension.REASONING, reasoning)
			.tokens(BillingDimension.AUDIO_OUTPUT, audioOutput)
			.build();
	}

	private static long promptCacheHitTokens(CompletionUsage completionUsage) {
		JsonValue hits = completionUsage._additionalProperties().get(PROMPT_CACHE_HIT_TOKENS);
		Object count = (hits != null) ? hits.asNumber().orElse(null) : null;
		return (count instanceof Number number) ? Math.max(0, number.longValue()) : 0;
	}

}
