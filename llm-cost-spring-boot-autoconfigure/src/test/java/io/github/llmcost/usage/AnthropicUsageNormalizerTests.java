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

import com.anthropic.core.ObjectMappers;
import com.anthropic.models.messages.MessageDeltaUsage;
import io.github.llmcost.billing.BillingDimension;
import io.github.llmcost.testsupport.Usages;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.Usage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnthropicUsageNormalizer}.
 *
 * @author llm-cost contributors
 */
class AnthropicUsageNormalizerTests {

	private final AnthropicUsageNormalizer normalizer = new AnthropicUsageNormalizer();

	@Test
	void shouldKeepInputTokensApartFromCacheReadsAndWrites() throws Exception {
		com.anthropic.models.messages.Usage nativeUsage = ObjectMappers.jsonMapper().readValue("""
				{"input_tokens": 200, "cache_creation_input_tokens": 1000, "cache_read_input_tokens": 3000,
				 "cache_creation": {"ephemeral_5m_input_tokens": 1000, "ephemeral_1h_input_tokens": 0},
				 "output_tokens": 400, "service_tier": "standard"}""", com.anthropic.models.messages.Usage.class);
		// as AnthropicChatModel builds it: prompt tokens are the uncached input tokens
		Usage usage = new DefaultUsage(200, 400, 600, nativeUsage, 3000L, 1000L);
		assertThat(this.normalizer.supports(usage)).isTrue();
		TokenUsage tokens = this.normalizer.normalize(usage);
		assertThat(tokens).isEqualTo(Usages.tokens(200, 3000, 1000, 400, 0));
		assertThat(tokens.promptTokens()).isEqualTo(4200);
	}

	@Test
	void shouldTellOneHourCacheWritesApart() throws Exception {
		com.anthropic.models.messages.Usage nativeUsage = ObjectMappers.jsonMapper().readValue("""
				{"input_tokens": 200, "cache_creation_input_tokens": 1000, "cache_read_input_tokens": 0,
				 "cache_creation": {"ephemeral_5m_input_tokens": 600, "ephemeral_1h_input_tokens": 400},
				 "output_tokens": 400}""", com.anthropic.models.messages.Usage.class);
		Usage usage = new DefaultUsage(200, 400, 600, nativeUsage, 0L, 1000L);
		// five-minute and one-hour writes are disjoint: 600 + 400 of the 1000 cache
		// writes
		assertThat(this.normalizer.normalize(usage)).isEqualTo(TokenUsage.builder()
			.tokens(BillingDimension.INPUT, 200)
			.tokens(BillingDimension.CACHE_WRITE, 600)
			.tokens(BillingDimension.CACHE_WRITE_1H, 400)
			.tokens(BillingDimension.OUTPUT, 400)
			.build());
	}

	@Test
	void shouldSplitThinkingTokensOutOfOutput() throws Exception {
		com.anthropic.models.messages.Usage nativeUsage = ObjectMappers.jsonMapper()
			.readValue("""
					{"input_tokens": 50, "output_tokens": 900, "output_tokens_details": {"thinking_tokens": 600}}""",
					com.anthropic.models.messages.Usage.class);
		Usage usage = new DefaultUsage(50, 900, 950, nativeUsage, null, null);
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(50, 0, 0, 300, 600));
	}

	@Test
	void shouldSupportStreamedMessageDeltaUsage() throws Exception {
		MessageDeltaUsage nativeUsage = ObjectMappers.jsonMapper().readValue("""
				{"input_tokens": 120, "cache_creation_input_tokens": 0, "cache_read_input_tokens": 2048,
				 "output_tokens": 250}""", MessageDeltaUsage.class);
		// as AnthropicChatModel builds it from message_start and message_delta
		Usage usage = new DefaultUsage(120, 250, 370, nativeUsage, 2048L, 0L);
		assertThat(this.normalizer.supports(usage)).isTrue();
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(120, 2048, 0, 250, 0));
	}

	@Test
	void shouldNotSupportOtherNativeUsage() {
		assertThat(this.normalizer.supports(new DefaultUsage(1, 2))).isFalse();
	}

}
