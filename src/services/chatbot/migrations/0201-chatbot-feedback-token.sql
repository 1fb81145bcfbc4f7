-- Feedback must come from whoever got the answer: each answer carries an
-- unguessable token that the feedback has to present.
ALTER TABLE chatbot_queries ADD COLUMN feedback_token text;
