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

import io.github.llmcost.testsupport.Usages;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultUsageNormalizer} and {@link UsageNormalizers}.
 *
 * @author llm-cost contributors
 */
class DefaultUsageNormalizerTests {

	private final DefaultUsageNormalizer normalizer = new DefaultUsageNormalizer();

	@Test
	void shouldTreatPromptTokensAsIncludingReportedCacheTokens() {
		DefaultUsage usage = new DefaultUsage(1000, 200, 1200, null, 300L, 100L);
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(600, 300, 100, 200, 0));
	}

	@Test
	void shouldNeverProduceNegativeInput() {
		DefaultUsage usage = new DefaultUsage(10, 5, 15, null, 300L, null);
		assertThat(this.normalizer.normalize(usage)).isEqualTo(Usages.tokens(0, 300, 0, 5, 0));
	}

	@Test
	void shouldNormalizeEmptyUsageToZero() {
		assertThat(this.normalizer.normalize(new EmptyUsage())).isEqualTo(TokenUsage.EMPTY);
	}

	@Test
	void normalizersShouldPickTheProviderNormalizerByNativeUsageAndFallBackToDefault() {
		UsageNormalizers normalizers = UsageNormalizers.detect(getClass().getClassLoader());
		assertThat(normalizers.normalize(new DefaultUsage(100, 20, 120, "unknown", 30L, null)))
			.isEqualTo(Usages.tokens(70, 30, 0, 20, 0));
	}

}
