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
import java.util.Optional;

import com.google.genai.types.GenerateContentResponseUsageMetadata;
import io.github.llmcost.billing.BillingDimension;

import org.springframework.ai.chat.metadata.Usage;

/**
 * {@link UsageNormalizer} for the Gemini API (and Vertex AI) through Spring AI's Google
 * GenAI client. Gemini's {@code promptTokenCount} includes the cached tokens of
 * {@code cachedContentTokenCount}, but not the tokens of tool results such as search
 * grounding ({@code toolUsePromptTokenCount}), which are billed as input too. Its
 * {@code candidatesTokenCount} excludes the thinking tokens of
 * {@code thoughtsTokenCount}, which are billed as output. Spring AI's usage carries only
 * the prompt and candidate tokens, so the rest is read from the native usage:
 * <ul>
 * <li>input: {@code promptTokenCount - cachedContentTokenCount + toolUsePromptTokenCount}
 * </li>
 * <li>cached input: {@code cachedContentTokenCount}</li>
 * <li>output: {@code candidatesTokenCount}</li>
 * <li>reasoning: {@code thoughtsTokenCount}</li>
 * </ul>
 * Gemini reports no cache writes: explicit caches are created and billed apart from
 * calls.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public class GoogleGenAiUsageNormalizer implements UsageNormalizer {

	@Override
	public boolean supports(Usage usage) {
		return usage.getNativeUsage() instanceof GenerateContentResponseUsageMetadata;
	}

	@Override
	public TokenUsage normalize(Usage usage) {
		// supports(usage) has checked the native usage
		GenerateContentResponseUsageMetadata metadata = (GenerateContentResponseUsageMetadata) Objects
			.requireNonNull(usage.getNativeUsage());
		long prompt = count(metadata.promptTokenCount());
		long cachedInput = Math.min(prompt, count(metadata.cachedContentTokenCount()));
		long input = prompt - cachedInput + count(metadata.toolUsePromptTokenCount());
		return TokenUsage.builder()
			.tokens(BillingDimension.INPUT, input)
			.tokens(BillingDimension.CACHED_INPUT, cachedInput)
			.tokens(BillingDimension.OUTPUT, count(metadata.candidatesTokenCount()))
			.tokens(BillingDimension.REASONING, count(metadata.thoughtsTokenCount()))
			.build();
	}

	private static long count(Optional<Integer> tokens) {
		return tokens.map((count) -> Math.max(0L, count)).orElse(0L);
	}

}
