package com.starkiller.images.page;

/** The widget's loader script, whose versioned URL the Share dialog hands to partners. */
public interface EmbedScript {

	/** The loader's path, with its version. */
	String path();

}
