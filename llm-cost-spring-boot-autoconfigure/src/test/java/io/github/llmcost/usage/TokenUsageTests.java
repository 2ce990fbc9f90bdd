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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TokenUsage}.
 *
 * @author llm-cost contributors
 */
class TokenUsageTests {

	@Test
	void shouldSumBucketsIntoPromptCompletionAndTotalTokens() {
		TokenUsage usage = Usages.tokens(1, 20, 300, 4000, 50000);
		assertThat(usage.promptTokens()).isEqualTo(321);
		assertThat(usage.completionTokens()).isEqualTo(54000);
		assertThat(usage.totalTokens()).isEqualTo(54321);
		assertThat(usage.isEmpty()).isFalse();
		assertThat(TokenUsage.EMPTY.isEmpty()).isTrue();
	}

	@Test
	void maxShouldKeepTheLargestCountOfEachBucket() {
		TokenUsage first = Usages.tokens(120, 2048, 0, 1, 0);
		TokenUsage last = Usages.tokens(120, 0, 0, 250, 7);
		assertThat(first.max(last)).isEqualTo(Usages.tokens(120, 2048, 0, 250, 7));
	}

	@Test
	void shouldRejectNegativeCounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> Usages.tokens(-1, 0, 0, 0, 0));
	}

}
