/** Image bytes: uploads checked and stored in GridFS with their variants, served at {@code /media}. */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package com.starkiller.images.media;
