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

package io.github.llmcost.advisor;

import java.util.function.Supplier;

import reactor.core.publisher.Flux;

/**
 * Marks the model calls that an {@link LlmCostAdvisor} prices, on the thread that makes
 * them, so that the handler of Spring AI's chat model observations
 * ({@code LlmCostChatObservationHandler}) leaves them to the advisor and a second
 * {@link LlmCostAdvisor} in the same chain passes them through: a call seen by both is
 * priced once.
 * <p>
 * A call is marked while the advisor calls the rest of its chain; a stream while the
 * advisor assembles and subscribes to the rest of its chain, which is when Spring AI's
 * chat models start their observation.
 *
 * @author llm-cost contributors
 * @since 0.1.0
 */
public final class AdvisedCalls {

	private static final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

	private AdvisedCalls() {
	}

	/**
	 * Return whether a model call made on this thread now is priced by an
	 * {@link LlmCostAdvisor}.
	 * @return {@code true} inside an advised call
	 */
	public static boolean isActive() {
		return depth.get()[0] > 0;
	}

	static <T> T advise(Supplier<T> call) {
		int[] calls = enter();
		try {
			return call.get();
		}
		finally {
			calls[0]--;
		}
	}

	/**
	 * Mark the calls made on this thread until the returned counter is decremented.
	 * @return the counter of this thread, to decrement in a {@code finally} block
	 */
	static int[] enter() {
		int[] calls = depth.get();
		calls[0]++;
		return calls;
	}

	static <T> Flux<T> adviseSubscription(Flux<T> stream) {
		return Flux.from((subscriber) -> advise(() -> {
			stream.subscribe(subscriber);
			return null;
		}));
	}

}
