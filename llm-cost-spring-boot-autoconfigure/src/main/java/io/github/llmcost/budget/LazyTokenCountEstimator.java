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

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.content.MediaContent;
import org.springframework.ai.tokenizer.JTokkitTokenCountEstimator;
import org.springframework.ai.tokenizer.TokenCountEstimator;
import org.springframework.util.Assert;

/**
 * {@link TokenCountEstimator} that creates the estimator it delegates to on first use,
 * once, however many threads ask. Loading a jtokkit encoding takes a few tenths of a
 * second, which an application whose budgets never estimate a call should not pay at
 * start-up.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class LazyTokenCountEstimator implements TokenCountEstimator {

	private final Supplier<? extends TokenCountEstimator> factory;

	private volatile @Nullable TokenCountEstimator delegate;

	/**
	 * Create an estimator that counts tokens with jtokkit's {@code cl100k_base} encoding,
	 * loaded on first use.
	 */
	public LazyTokenCountEstimator() {
		this(JTokkitTokenCountEstimator::new);
	}

	/**
	 * Create an estimator that delegates to the estimator that the factory creates on
	 * first use.
	 * @param factory the factory of the estimator, called at most once
	 */
	public LazyTokenCountEstimator(Supplier<? extends TokenCountEstimator> factory) {
		Assert.notNull(factory, "factory must not be null");
		this.factory = factory;
	}

	@Override
	public int estimate(@Nullable String text) {
		return delegate().estimate(text);
	}

	@Override
	public int estimate(MediaContent content) {
		return delegate().estimate(content);
	}

	@Override
	public int estimate(Iterable<MediaContent> messages) {
		return delegate().estimate(messages);
	}

	/**
	 * Return whether the estimator it delegates to has been created.
	 * @return {@code true} once a count was asked for
	 */
	public boolean isInitialized() {
		return this.delegate != null;
	}

	private TokenCountEstimator delegate() {
		TokenCountEstimator delegate = this.delegate;
		if (delegate == null) {
			synchronized (this) {
				delegate = this.delegate;
				if (delegate == null) {
					delegate = this.factory.get();
					Assert.state(delegate != null, "factory must not return null");
					this.delegate = delegate;
				}
			}
		}
		return delegate;
	}

}
