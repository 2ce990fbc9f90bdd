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

package io.github.llmcost.budget;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.llmcost.testsupport.ConcurrentCalls;
import org.junit.jupiter.api.Test;

import org.springframework.ai.content.MediaContent;
import org.springframework.ai.tokenizer.TokenCountEstimator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LazyTokenCountEstimator}.
 *
 * @author llm-cost contributors
 */
class LazyTokenCountEstimatorTests {

	@Test
	void shouldCreateNothingUntilFirstEstimate() {
		AtomicInteger created = new AtomicInteger();
		LazyTokenCountEstimator tokenizer = new LazyTokenCountEstimator(() -> {
			created.incrementAndGet();
			return new LengthEstimator();
		});
		assertThat(tokenizer.isInitialized()).isFalse();
		assertThat(created).hasValue(0);
		assertThat(tokenizer.estimate("four")).isEqualTo(4);
		assertThat(tokenizer.isInitialized()).isTrue();
	}

	@Test
	void shouldCreateTheDelegateOnceWhateverTheThreads() throws Exception {
		AtomicInteger created = new AtomicInteger();
		LazyTokenCountEstimator tokenizer = new LazyTokenCountEstimator(() -> {
			created.incrementAndGet();
			slowly();
			return new LengthEstimator();
		});
		List<Integer> counts = ConcurrentCalls.run(16, (thread) -> tokenizer.estimate("abc"));
		assertThat(counts).hasSize(16).containsOnly(3);
		assertThat(created).hasValue(1);
	}

	@Test
	void shouldCountWithJtokkitByDefault() {
		assertThat(new LazyTokenCountEstimator().estimate("Hello world")).isEqualTo(2);
	}

	private static void slowly() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Counts one token per character.
	 */
	static class LengthEstimator implements TokenCountEstimator {

		@Override
		public int estimate(String text) {
			return text.length();
		}

		@Override
		public int estimate(MediaContent content) {
			return 0;
		}

		@Override
		public int estimate(Iterable<MediaContent> messages) {
			return 0;
		}

	}

}
