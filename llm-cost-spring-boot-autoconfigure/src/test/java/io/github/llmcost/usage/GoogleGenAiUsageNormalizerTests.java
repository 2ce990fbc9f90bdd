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

import com.google.genai.types.GenerateContentResponseUsageMetadata;
import io.github.llmcost.testsupport.Usages;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.google.genai.metadata.GoogleGenAiUsage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GoogleGenAiUsageNormalizer}.
 *
 * @author llm-cost contributors
 */
class GoogleGenAiUsageNormalizerTests {

	private final GoogleGenAiUsageNormalizer normalizer = new GoogleGenAiUsageNormalizer();

	@Test
	void shouldSplitCachedTokensOutOfPromptAndAddThoughtsBesideCandidates() {
		Usage usage = usage("""
				{"promptTokenCount": 2100, "candidatesTokenCount": 300, "totalTokenCount": 3600,
				 "cachedContentTokenCount": 1500,
				 "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 2100}],
				 "cacheTokensDetails": [{"modality": "TEXT", "tokenCount": 1500}],
				 "thoughtsTokenCount": 1200}""");
		assertThat(this.normalizer.supports(usage)).isTrue();
		// Spring AI's usage leaves the thoughts out of both prompt and completion tokens
		assertThat(usage.getPromptTokens()).isEqualTo(2100);
		assertThat(usage.getCompletionTokens()).isEqualTo(300);
		TokenUsage tokens = this.normalizer.normalize(usage);
		assertThat(tokens).isEqualTo(Usages.tokens(600, 1500, 0, 300, 1200));
		assertThat(tokens.totalTokens()).isEqualTo(usage.getTotalTokens().longValue());
	}

	@Test
	void shouldCountToolUsePromptTokensAsInput() {
		Usage usage = usage("""
				{"promptTokenCount": 12, "candidatesTokenCount": 71, "toolUsePromptTokenCount": 65,
				 "thoughtsTokenCount": 89, "totalTokenCount": 237, "cachedContentTokenCount": 4}""");
		TokenUsage tokens = this.normalizer.normalize(usage);
		assertThat(tokens).isEqualTo(Usages.tokens(73, 4, 0, 71, 89));
		assertThat(tokens.totalTokens()).isEqualTo(237);
	}

	@Test
	void shouldTreatMissingCountsAsZero() {
		Usage usage = usage("""
				{"promptTokenCount": 8, "totalTokenCount": 8}""");
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(8, 0, 0, 0, 0));
	}

	@Test
	void shouldNotSupportUsageWithoutGeminiUsageMetadata() {
		// what Spring AI reports with include-extended-usage-metadata=false
		assertThat(this.normalizer.supports(new DefaultUsage(2100, 300, 3600))).isFalse();
		assertThat(this.normalizer.supports(new DefaultUsage(1, 2, 3, "other", null, null))).isFalse();
	}

	@Test
	void shouldBeDetectedWhenGoogleGenAiSdkIsPresent() {
		Usage usage = usage(
				"""
						{"promptTokenCount": 10, "candidatesTokenCount": 5, "thoughtsTokenCount": 20, "totalTokenCount": 35}""");
		assertThat(UsageNormalizers.detect(getClass().getClassLoader()).normalize(usage))
			.isEqualTo(Usages.tokens(10, 0, 0, 5, 20));
	}

	private static Usage usage(String json) {
		// as GoogleGenAiChatModel builds it
		return GoogleGenAiUsage.from(GenerateContentResponseUsageMetadata.fromJson(json));
	}

}
