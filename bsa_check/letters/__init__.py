"""``bsa-check letters``: one letter per student (a warning, or the advice), from templates that are data.

``template`` checks and fills templates (the reasons' placeholder language); ``institution`` reads
the institution's details and appeal route; ``compose`` decides per student which letter, or which
refusal; ``html`` and ``docx`` write a letter; ``run`` joins them for the CLI. Letters carry the
student's real number and name no pseudonym: they are addressed to the student.
"""
