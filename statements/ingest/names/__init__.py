"""Who speaks: countries, roles, people, collective voices, coreference, and their resolution
into one article's ``SpeakerBook`` (``names.resolution``)."""
