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

import com.openai.core.ObjectMappers;
import com.openai.models.completions.CompletionUsage;
import io.github.llmcost.testsupport.Usages;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OpenAiUsageNormalizer}.
 *
 * @author llm-cost contributors
 */
class OpenAiUsageNormalizerTests {

	private final OpenAiUsageNormalizer normalizer = new OpenAiUsageNormalizer();

	@Test
	void shouldSplitCachedTokensOutOfPromptAndReasoningTokensOutOfCompletion() throws Exception {
		Usage usage = usage("""
				{"prompt_tokens": 1000, "completion_tokens": 500, "total_tokens": 1500,
				 "prompt_tokens_details": {"cached_tokens": 400, "audio_tokens": 0},
				 "completion_tokens_details": {"reasoning_tokens": 100, "audio_tokens": 0,
				   "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}""");
		assertThat(this.normalizer.supports(usage)).isTrue();
		TokenUsage tokens = this.normalizer.normalize(usage);
		assertThat(tokens).isEqualTo(Usages.tokens(600, 400, 0, 400, 100));
		assertThat(tokens.promptTokens()).isEqualTo(1000);
		assertThat(tokens.completionTokens()).isEqualTo(500);
	}

	@Test
	void shouldTreatMissingDetailsAsZero() throws Exception {
		Usage usage = usage("""
				{"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19}""");
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(12, 0, 0, 7, 0));
	}

	@Test
	void shouldReadDeepSeekCacheHitsWhenPromptTokensDetailsAreAbsent() throws Exception {
		Usage usage = usage("""
				{"prompt_tokens": 1500, "completion_tokens": 200, "total_tokens": 1700,
				 "prompt_cache_hit_tokens": 1280, "prompt_cache_miss_tokens": 220}""");
		// Spring AI reads cache reads from prompt_tokens_details only
		assertThat(usage.getCacheReadInputTokens()).isNull();
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(220, 1280, 0, 200, 0));
	}

	@Test
	void shouldPreferCachedTokensOfPromptTokensDetailsOverDeepSeekCacheHits() throws Exception {
		Usage usage = usage("""
				{"prompt_tokens": 900, "completion_tokens": 1100, "total_tokens": 2000,
				 "prompt_tokens_details": {"cached_tokens": 640},
				 "completion_tokens_details": {"reasoning_tokens": 850},
				 "prompt_cache_hit_tokens": 640, "prompt_cache_miss_tokens": 260}""");
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(260, 640, 0, 250, 850));
	}

	@Test
	void shouldIgnoreCacheHitsThatAreNotNumbers() throws Exception {
		Usage usage = usage("""
				{"prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19, "prompt_cache_hit_tokens": null}""");
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(12, 0, 0, 7, 0));
	}

	@Test
	void shouldNotSupportOtherNativeUsage() {
		assertThat(this.normalizer.supports(new DefaultUsage(1, 2, 3, "other", null, null))).isFalse();
		assertThat(this.normalizer.supports(new DefaultUsage(1, 2))).isFalse();
	}

	private static Usage usage(String json) throws Exception {
		CompletionUsage nativeUsage = ObjectMappers.jsonMapper().readValue(json, CompletionUsage.class);
		// as OpenAiChatModel builds it
		Long cacheRead = nativeUsage.promptTokensDetails()
			.flatMap(CompletionUsage.PromptTokensDetails::cachedTokens)
			.orElse(null);
		return new DefaultUsage(Math.toIntExact(nativeUsage.promptTokens()),
				Math.toIntExact(nativeUsage.completionTokens()), Math.toIntExact(nativeUsage.totalTokens()),
				nativeUsage, cacheRead, null);
	}

}
